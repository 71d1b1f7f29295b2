package io.quire.mail.imap.handler;

import io.quire.mail.imap.parse.Expunge;
import io.quire.mail.imap.protocol.ResponseCode;
import io.quire.mail.imap.session.Selected;
import java.util.Optional;

/**
 * EXPUNGE (RFC 9051 §6.4.3): removes the {@code \Deleted} messages; the EXPUNGE (or VANISHED) responses come from
 * the dispatcher's sync, together with any other session's expunges.
 */
final class ExpungeHandler implements CommandHandler<Expunge> {
    @Override
    public Validity validity() {
        return Validity.SELECTED;
    }

    @Override
    public Outcome handle(Expunge command, CommandContext ctx) {
        Selected selected = ctx.selected();
        if (selected.view().readOnly()) {
            return Outcome.Done.no(ResponseCode.Plain.READ_ONLY, Texts.READ_ONLY);
        }
        selected.mail().expunge(selected.view().name().name(), Optional.empty());
        return Outcome.Done.ok(Texts.EXPUNGE_DONE);
    }
}
