package io.quire.mail.imap.handler;

import io.quire.mail.imap.parse.Unselect;
import io.quire.mail.imap.session.Authenticated;

/** UNSELECT (RFC 3691, RFC 9051 §6.4.2): leaves the mailbox without expunging. */
final class UnselectHandler implements CommandHandler<Unselect> {
    @Override
    public Validity validity() {
        return Validity.SELECTED;
    }

    @Override
    public Outcome handle(Unselect command, CommandContext ctx) {
        ctx.session().state(new Authenticated(ctx.selected().mail()));
        return Outcome.Done.ok(Texts.UNSELECT_DONE);
    }
}
