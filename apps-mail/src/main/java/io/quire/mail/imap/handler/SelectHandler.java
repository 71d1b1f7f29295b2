package io.quire.mail.imap.handler;

import io.quire.mail.imap.parse.Select;

/** SELECT (RFC 9051 §6.3.2): opens a mailbox read-write. */
final class SelectHandler implements CommandHandler<Select> {
    @Override
    public Validity validity() {
        return Validity.AUTHENTICATED;
    }

    @Override
    public Outcome handle(Select command, CommandContext ctx) {
        return MailboxOpener.open(ctx, command.mailbox(), false, command.condstore(), command.qresync());
    }
}
