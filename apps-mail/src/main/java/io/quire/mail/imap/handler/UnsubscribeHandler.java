package io.quire.mail.imap.handler;

import io.quire.mail.imap.parse.Unsubscribe;

/** UNSUBSCRIBE (RFC 9051 §6.3.8). */
final class UnsubscribeHandler implements CommandHandler<Unsubscribe> {
    @Override
    public Validity validity() {
        return Validity.AUTHENTICATED;
    }

    @Override
    public Outcome handle(Unsubscribe command, CommandContext ctx) {
        Mailboxes.existing(ctx.mail(), command.mailbox());
        ctx.mail().subscribe(command.mailbox().name(), false);
        return Outcome.Done.ok(Texts.UNSUBSCRIBE_DONE);
    }
}
