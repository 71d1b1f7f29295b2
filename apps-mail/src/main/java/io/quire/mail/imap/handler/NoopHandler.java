package io.quire.mail.imap.handler;

import io.quire.mail.imap.parse.Noop;

/** NOOP (RFC 9051 §6.1.2): nothing, but the dispatcher's sync afterwards reports mailbox changes. */
final class NoopHandler implements CommandHandler<Noop> {
    @Override
    public Validity validity() {
        return Validity.ANY;
    }

    @Override
    public Outcome handle(Noop command, CommandContext ctx) {
        return Outcome.Done.ok(Texts.NOOP_DONE);
    }
}
