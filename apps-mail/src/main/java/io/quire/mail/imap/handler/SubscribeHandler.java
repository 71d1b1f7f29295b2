package io.quire.mail.imap.handler;

import io.quire.mail.imap.parse.Subscribe;

/** SUBSCRIBE (RFC 9051 §6.3.7); subscribing twice is fine. */
final class SubscribeHandler implements CommandHandler<Subscribe> {
    @Override
    public Validity validity() {
        return Validity.AUTHENTICATED;
    }

    @Override
    public Outcome handle(Subscribe command, CommandContext ctx) {
        Mailboxes.existing(ctx.mail(), command.mailbox());
        ctx.mail().subscribe(command.mailbox().name(), true);
        return Outcome.Done.ok(Texts.SUBSCRIBE_DONE);
    }
}
