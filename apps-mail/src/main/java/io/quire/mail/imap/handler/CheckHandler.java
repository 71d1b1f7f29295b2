package io.quire.mail.imap.handler;

import io.quire.mail.imap.parse.Check;

/**
 * CHECK (RFC 3501 §6.4.1; gone from RFC 9051): every store call is already durable when it returns, so this is a
 * NOOP.
 */
final class CheckHandler implements CommandHandler<Check> {
    @Override
    public Validity validity() {
        return Validity.SELECTED;
    }

    @Override
    public Outcome handle(Check command, CommandContext ctx) {
        return Outcome.Done.ok(Texts.CHECK_DONE);
    }
}
