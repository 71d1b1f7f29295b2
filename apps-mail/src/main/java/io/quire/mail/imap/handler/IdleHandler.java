package io.quire.mail.imap.handler;

import io.quire.mail.imap.parse.Idle;

/**
 * IDLE (RFC 2177, RFC 9051 §6.3.13): the connection sends {@code + idling} and pushes changes at once until DONE.
 */
final class IdleHandler implements CommandHandler<Idle> {
    @Override
    public Validity validity() {
        return Validity.AUTHENTICATED;
    }

    @Override
    public Outcome handle(Idle command, CommandContext ctx) {
        return new Outcome.Idle();
    }
}
