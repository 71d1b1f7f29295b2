package io.quire.mail.imap.handler;

import io.quire.mail.imap.encode.UidSetEncoder;
import io.quire.mail.imap.protocol.MailboxName;
import io.quire.mail.imap.protocol.ResponseCode;
import io.quire.mail.imap.protocol.SequenceSet;
import io.quire.mail.imap.session.Selected;
import io.quire.mail.store.MailboxInfo;
import io.quire.mail.store.MailboxSnapshot;
import io.quire.mail.store.UserMail;
import java.util.List;
import java.util.Optional;

/** The part COPY and MOVE share: resolve the set, check the target, call the store, build COPYUID. */
final class Transfer {
    private Transfer() {
    }

    /** Copies or moves; empty when the set names no existing message (RFC 4315 §3: then no COPYUID). */
    static Optional<ResponseCode.CopyUid> run(CommandContext ctx, SequenceSet set, boolean uid, MailboxName target,
                                               boolean move) {
        Selected selected = ctx.selected();
        UserMail mail = selected.mail();
        MailboxInfo to = Mailboxes.target(mail, target);
        MailboxSnapshot snapshot = SelectedSync.snapshot(selected);
        List<Long> uids = MessageSets.liveUids(snapshot, MessageSets.resolve(ctx, set, uid));
        if (uids.isEmpty()) {
            return Optional.empty();
        }
        String from = selected.view().name().name();
        UserMail.CopyOutcome outcome = move ? mail.move(from, uids, to.name()) : mail.copy(from, uids, to.name());
        if (outcome.sourceUids().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ResponseCode.CopyUid(outcome.targetUidValidity(),
                UidSetEncoder.inOrder(outcome.sourceUids().stream().mapToLong(Long::longValue).toArray()),
                UidSetEncoder.inOrder(outcome.targetUids().stream().mapToLong(Long::longValue).toArray())));
    }
}
