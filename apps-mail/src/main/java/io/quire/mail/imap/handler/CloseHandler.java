package io.quire.mail.imap.handler;

import io.quire.mail.imap.parse.Close;
import io.quire.mail.imap.session.Authenticated;
import io.quire.mail.imap.session.Selected;
import java.util.Optional;

/**
 * CLOSE (RFC 9051 §6.4.1): silently expunges {@code \Deleted} messages of a read-write mailbox (no EXPUNGE
 * responses) and returns to the authenticated state.
 */
final class CloseHandler implements CommandHandler<Close> {
    @Override
    public Validity validity() {
        return Validity.SELECTED;
    }

    @Override
    public Outcome handle(Close command, CommandContext ctx) {
        Selected selected = ctx.selected();
        ctx.session().state(new Authenticated(selected.mail()));
        if (!selected.view().readOnly()) {
            selected.mail().expunge(selected.view().name().name(), Optional.empty());
        }
        return Outcome.Done.ok(Texts.CLOSE_DONE);
    }
}
