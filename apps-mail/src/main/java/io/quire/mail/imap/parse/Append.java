package io.quire.mail.imap.parse;

import io.quire.mail.imap.protocol.Flag;
import io.quire.mail.imap.protocol.MailboxName;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code APPEND mailbox [flags] [date-time] literal} (RFC 9051 §6.3.12), with MULTIAPPEND's further
 * messages (RFC 3502) and literal8 (RFC 3516 §4.4).
 *
 * @param mailbox  the target mailbox
 * @param messages one or more messages, in order
 */
public record Append(MailboxName mailbox, List<Message> messages) implements Command {
    /** Copies the list. */
    public Append {
        messages = List.copyOf(messages);
    }

    /**
     * One message to append.
     *
     * @param flags        flags to set, storable only, without duplicates
     * @param internalDate the date-time argument, if given
     * @param content      the message octets
     * @param binary       whether it was sent as literal8 (may contain NUL)
     */
    public record Message(List<Flag> flags, Optional<OffsetDateTime> internalDate, byte[] content, boolean binary) {
        /** Copies the flags. */
        public Message {
            flags = List.copyOf(flags);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Message m && m.flags.equals(flags) && m.internalDate.equals(internalDate)
                    && m.binary == binary && Arrays.equals(m.content, content);
        }

        @Override
        public int hashCode() {
            return (flags.hashCode() * 31 + internalDate.hashCode()) * 31 + Arrays.hashCode(content);
        }

        @Override
        public String toString() {
            return "Message[flags=" + flags + ", internalDate=" + internalDate + ", " + content.length + " octets"
                    + (binary ? ", binary" : "") + "]";
        }
    }
}
