package io.quire.mail.imap.parse;

import io.quire.mail.imap.protocol.ImapChars;
import io.quire.mail.imap.protocol.MailboxName;
import io.quire.mail.imap.protocol.ProtocolException;
import io.quire.mail.imap.protocol.SequenceSet;
import io.quire.mail.imap.protocol.Token;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * A cursor over the argument tokens of one command (or one parenthesised group), with readers for the
 * basic RFC 9051 §9 productions. Every reader throws {@link ProtocolException} (BAD) with a reason naming
 * {@code what} was expected.
 */
final class Arguments {
    private final List<Token> tokens;
    private final ParseOptions options;
    private int position;

    Arguments(List<Token> tokens, ParseOptions options) {
        this.tokens = tokens;
        this.options = options;
    }

    /** The session options the command is parsed under. */
    public ParseOptions options() {
        return options;
    }

    /** Whether tokens remain. */
    public boolean hasNext() {
        return position < tokens.size();
    }

    /** The next token without consuming it, if any. */
    public Optional<Token> peek() {
        return hasNext() ? Optional.of(tokens.get(position)) : Optional.empty();
    }

    /** Consumes the next token. */
    public Token next(String what) {
        if (!hasNext()) {
            throw ProtocolException.bad("Missing " + what);
        }
        return tokens.get(position++);
    }

    /** Whether the next token is the atom {@code keyword} (ASCII case-insensitive). */
    public boolean peekAtom(String keyword) {
        return peek().orElse(null) instanceof Token.Atom a && a.is(keyword);
    }

    /** Whether the next token is a parenthesised group. */
    public boolean peekGroup() {
        return peek().orElse(null) instanceof Token.Group;
    }

    /** Consumes the atom {@code keyword} if it is next. */
    public boolean acceptAtom(String keyword) {
        if (peekAtom(keyword)) {
            position++;
            return true;
        }
        return false;
    }

    /** Consumes the atom {@code keyword} or fails. */
    public void expectAtom(String keyword) {
        if (!acceptAtom(keyword)) {
            throw ProtocolException.bad("Expected " + keyword);
        }
    }

    /** Fails unless all tokens were consumed. */
    public void end() {
        if (hasNext()) {
            throw ProtocolException.bad("Unexpected extra arguments: " + abbreviate(tokens.get(position).toString()));
        }
    }

    /** Reads an atom (RFC 9051 {@code atom}, 1*ATOM-CHAR). */
    public String atom(String what) {
        String text = rawAtom(what);
        if (!ImapChars.isAtom(text)) {
            throw ProtocolException.bad("Invalid " + what + ": " + abbreviate(text));
        }
        return text;
    }

    /** Reads an atom token without checking it against ATOM-CHAR (for flags, sequence sets, fetch items). */
    public String rawAtom(String what) {
        Token t = next(what);
        if (t instanceof Token.Atom a) {
            return a.text();
        }
        throw ProtocolException.bad("Expected " + what + " as an atom");
    }

    /** Reads an astring's octets (RFC 9051 {@code astring = 1*ASTRING-CHAR / string}). */
    public byte[] astringBytes(String what) {
        Token t = next(what);
        return switch (t) {
            case Token.Str s -> s.bytes();
            case Token.Atom a -> {
                for (int i = 0; i < a.text().length(); i++) {
                    if (!ImapChars.isAstringChar(a.text().charAt(i))) {
                        throw ProtocolException.bad("Invalid character in " + what + "; quote it");
                    }
                }
                yield a.text().getBytes(StandardCharsets.US_ASCII);
            }
            case Token.Group g -> throw ProtocolException.bad("Expected " + what + ", found a list");
        };
    }

    /** Reads an astring as UTF-8 text. */
    public String astring(String what) {
        return new String(astringBytes(what), StandardCharsets.UTF_8);
    }

    /** Reads a string (quoted or literal, not an atom). */
    public byte[] stringBytes(String what) {
        if (next(what) instanceof Token.Str s) {
            return s.bytes();
        }
        throw ProtocolException.bad("Expected " + what + " as a quoted string or literal");
    }

    /** Reads an nstring: a string or NIL. */
    public Optional<String> nstring(String what) {
        if (acceptAtom("NIL")) {
            return Optional.empty();
        }
        return Optional.of(new String(stringBytes(what), StandardCharsets.UTF_8));
    }

    /** Reads a mailbox name ({@code mailbox = "INBOX" / astring}) and decodes it. */
    public MailboxName mailbox(String what) {
        return MailboxName.fromWire(astringBytes(what), options.utf8Accept());
    }

    /** Reads an RFC 9051 {@code number} (0 .. 2^32-1). */
    public long number(String what) {
        return digits(what, 10, 0xFFFF_FFFFL);
    }

    /** Reads an {@code nz-number} (1 .. 2^32-1). */
    public long nzNumber(String what) {
        long n = number(what);
        if (n == 0) {
            throw ProtocolException.bad(capitalise(what) + " must not be 0");
        }
        return n;
    }

    /** Reads a {@code number64} / {@code mod-sequence-valzer} (0 .. 2^63-1, RFC 7162 §7). */
    public long number64(String what) {
        return digits(what, 19, Long.MAX_VALUE);
    }

    /** Reads a sequence set (RFC 9051 {@code sequence-set}, with {@code $}). */
    public SequenceSet sequenceSet(String what) {
        return SequenceSet.parse(rawAtom(what));
    }

    /** Reads a parenthesised group and returns a cursor over its items. */
    public Arguments group(String what) {
        Token t = next(what);
        if (t instanceof Token.Group g) {
            return new Arguments(g.items(), options);
        }
        throw ProtocolException.bad("Expected " + what + " in parentheses");
    }

    private long digits(String what, int maxDigits, long max) {
        String text = rawAtom(what);
        if (text.isEmpty() || text.length() > maxDigits) {
            throw ProtocolException.bad("Invalid " + what + ": " + abbreviate(text));
        }
        long n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw ProtocolException.bad("Invalid " + what + ": " + abbreviate(text));
            }
            n = n * 10 + (c - '0');
            if (n < 0 || n > max) {
                throw ProtocolException.bad(capitalise(what) + " out of range");
            }
        }
        return n;
    }

    static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
