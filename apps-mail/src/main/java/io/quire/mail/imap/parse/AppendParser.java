package io.quire.mail.imap.parse;

import io.quire.mail.imap.protocol.Flag;
import io.quire.mail.imap.protocol.MailboxName;
import io.quire.mail.imap.protocol.ProtocolException;
import io.quire.mail.imap.protocol.Token;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parses APPEND with MULTIAPPEND and literal8:
 *
 * <pre>
 * append         = "APPEND" SP mailbox 1*append-message          ; RFC 3502 §6
 * append-message = [SP flag-list] [SP date-time] SP append-data
 * append-data    = literal / literal8                             ; RFC 3516 §4.4
 * </pre>
 *
 * A message in a plain literal must not contain NUL (RFC 9051 {@code CHAR8}); such messages need literal8.
 */
final class AppendParser {
    private AppendParser() {
    }

    static Append parse(Arguments args) {
        MailboxName mailbox = args.mailbox("mailbox name");
        List<Append.Message> messages = new ArrayList<>();
        do {
            messages.add(message(args));
        } while (args.hasNext());
        return new Append(mailbox, messages);
    }

    private static Append.Message message(Arguments args) {
        List<Flag> flags = List.of();
        if (args.peekGroup()) {
            flags = StoreParser.flagList(args.group("flag list"));
        }
        Optional<OffsetDateTime> date = Optional.empty();
        if (args.peek().orElse(null) instanceof Token.Str s && s.form() == Token.Str.Form.QUOTED) {
            args.next("date-time");
            date = Optional.of(ImapDates.parseDateTime(new String(s.bytes(), StandardCharsets.US_ASCII)));
        }
        if (!(args.next("message literal") instanceof Token.Str s) || !s.isLiteral()) {
            throw ProtocolException.bad("APPEND needs the message as a literal");
        }
        boolean binary = s.form() == Token.Str.Form.LITERAL8;
        if (!binary) {
            for (byte b : s.bytes()) {
                if (b == 0) {
                    throw ProtocolException.bad("Message contains NUL; send it as literal8 (~{n})");
                }
            }
        }
        return new Append.Message(flags, date, s.bytes(), binary);
    }
}
