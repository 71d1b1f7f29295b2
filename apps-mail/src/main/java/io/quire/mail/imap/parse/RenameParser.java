package io.quire.mail.imap.parse;

import io.quire.mail.imap.protocol.MailboxName;

/** Parses {@code RENAME SP mailbox SP mailbox} (RFC 9051 §6.3.6); the new name must be creatable. */
final class RenameParser {
    private RenameParser() {
    }

    static Rename parse(Arguments args) {
        MailboxName from = args.mailbox("existing mailbox name");
        MailboxName to = args.mailbox("new mailbox name").requireCreatable();
        args.end();
        return new Rename(from, to);
    }
}
