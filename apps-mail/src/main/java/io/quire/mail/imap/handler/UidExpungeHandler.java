package io.quire.mail.imap.handler;

import io.quire.mail.imap.parse.UidExpunge;
import io.quire.mail.imap.protocol.ResponseCode;
import io.quire.mail.imap.session.ViewMessage;
import io.quire.mail.imap.session.Selected;
import java.util.List;
import java.util.Optional;

/** UID EXPUNGE (RFC 4315 §2.1): expunges only the {@code \Deleted} messages among the given UIDs. */
final class UidExpungeHandler implements CommandHandler<UidExpunge> {
    @Override
    public Validity validity() {
        return Validity.SELECTED;
    }

    @Override
    public Outcome handle(UidExpunge command, CommandContext ctx) {
        Selected selected = ctx.selected();
        if (selected.view().readOnly()) {
            return Outcome.Done.no(ResponseCode.Plain.READ_ONLY, Texts.READ_ONLY);
        }
        List<Long> uids = MessageSets.resolve(ctx, command.uids(), true).stream().map(ViewMessage::uid).toList();
        if (!uids.isEmpty()) {
            selected.mail().expunge(selected.view().name().name(), Optional.of(uids));
        }
        return Outcome.Done.ok(Texts.EXPUNGE_DONE);
    }
}
