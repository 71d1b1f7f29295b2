package io.quire.mail.imap.protocol;

import java.util.List;
import java.util.Objects;

/**
 * A complete, framed command line with its literals, ready for {@code CommandParser}.
 *
 * <p>{@code UID FETCH …} arrives as command {@code UID} with {@code FETCH} as its first argument:
 * the receiver does not know the command grammar.
 *
 * @param tag     the command tag
 * @param command the command name, upper-cased ASCII
 * @param args    the argument tokens in order; literals are {@link Token.Str} with their bytes
 */
public record Request(Tag tag, String command, List<Token> args) implements ReceiverEvent {
    /** Copies the arguments. */
    public Request {
        Objects.requireNonNull(tag);
        Objects.requireNonNull(command);
        args = List.copyOf(args);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(tag.value()).append(' ').append(command);
        for (Token t : args) {
            sb.append(' ').append(t);
        }
        return sb.toString();
    }
}
