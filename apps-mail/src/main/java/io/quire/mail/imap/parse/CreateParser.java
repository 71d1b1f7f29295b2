package io.quire.mail.imap.parse;

import io.quire.mail.imap.protocol.ImapChars;
import io.quire.mail.imap.protocol.MailboxName;
import io.quire.mail.imap.protocol.ProtocolException;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses {@code CREATE SP mailbox [SP "(" "USE" SP "(" use-attr *(SP use-attr) ")" ")"]} (RFC 9051 §6.3.4,
 * RFC 6154 §3).
 */
final class CreateParser {
    private CreateParser() {
    }

    static Create parse(Arguments args) {
        String name = MailboxName.decodeWire(args.astringBytes("mailbox name"), args.options().utf8Accept());
        // RFC 9051 §6.3.4: a trailing delimiter says the client intends to create children; drop it.
        if (name.length() > 1 && name.charAt(name.length() - 1) == MailboxName.DELIMITER) {
            name = name.substring(0, name.length() - 1);
        }
        MailboxName mailbox = new MailboxName(name).requireCreatable();
        List<String> uses = new ArrayList<>();
        if (args.hasNext()) {
            Arguments params = args.group("create parameters");
            params.expectAtom("USE");
            Arguments attrs = params.group("special-use attributes");
            params.end();
            while (attrs.hasNext()) {
                String attr = attrs.rawAtom("special-use attribute");
                if (attr.length() < 2 || attr.charAt(0) != '\\' || !ImapChars.isAtom(attr.substring(1))) {
                    throw ProtocolException.bad("Invalid special-use attribute: " + Arguments.abbreviate(attr));
                }
                uses.add(attr);
            }
        }
        args.end();
        return new Create(mailbox, uses);
    }
}
