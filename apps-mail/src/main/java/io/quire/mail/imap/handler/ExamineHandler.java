package io.quire.mail.imap.handler;

import io.quire.mail.imap.parse.Examine;

/** EXAMINE (RFC 9051 §6.3.3): opens a mailbox read-only; FETCH then never sets \Seen. */
final class ExamineHandler implements CommandHandler<Examine> {
    @Override
    public Validity validity() {
        return Validity.AUTHENTICATED;
    }

    @Override
    public Outcome handle(Examine command, CommandContext ctx) {
        return MailboxOpener.open(ctx, command.mailbox(), true, command.condstore(), command.qresync());
    }
}
