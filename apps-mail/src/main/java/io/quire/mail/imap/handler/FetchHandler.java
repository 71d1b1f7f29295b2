package io.quire.mail.imap.handler;

import io.quire.mail.imap.parse.Fetch;
import io.quire.mail.imap.parse.FetchItem;
import io.quire.mail.imap.protocol.Flag;
import io.quire.mail.imap.protocol.ResponseCode;
import io.quire.mail.imap.protocol.SequenceSet;
import io.quire.mail.imap.session.Extension;
import io.quire.mail.imap.session.FlagSets;
import io.quire.mail.imap.session.ViewMessage;
import io.quire.mail.imap.session.Response;
import io.quire.mail.imap.session.Selected;
import io.quire.mail.store.MailStoreException;
import io.quire.mail.store.MailboxSnapshot;
import io.quire.mail.store.MessageEntry;
import io.quire.mail.store.UserMail;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * FETCH and UID FETCH (RFC 9051 §6.4.5) with CHANGEDSINCE and VANISHED (RFC 7162 §3.1.4, §3.2.6). Flags, dates,
 * sizes and mod-sequences come from the in-memory index; bodies are read only for body items, through the
 * {@link BodyCache}. Non-PEEK body items set {@code \Seen} first, in one store call, and the new FLAGS go with the
 * response.
 */
final class FetchHandler implements CommandHandler<Fetch> {
    @Override
    public Validity validity() {
        return Validity.SELECTED;
    }

    @Override
    public Outcome handle(Fetch command, CommandContext ctx) {
        if (command.vanished() && !ctx.session().enabled(Extension.QRESYNC)) {
            return Outcome.Done.bad(Texts.VANISHED_NEEDS_QRESYNC);
        }
        Selected selected = ctx.selected();
        UserMail mail = selected.mail();
        MailboxSnapshot snapshot = SelectedSync.snapshot(selected);
        if (command.changedSince().isPresent() || command.items().contains(FetchItem.MODSEQ)) {
            Condstore.use(ctx, snapshot);
        }
        List<ViewMessage> messages = MessageSets.resolve(ctx, command.set(), command.uid());
        if (command.items().contains(FetchItem.FLAGS)) {
            selected.view().announce(snapshot.messages()).forEach(ctx::send);
        }
        if (command.vanished()) {
            vanished(ctx, command, snapshot);
        }
        OptionalLong since = command.changedSince();
        Map<Long, MessageEntry> seen = markSeen(command, selected, snapshot, messages);
        boolean unknownEncoding = false;
        boolean expungeIssued = false;
        for (ViewMessage m : messages) {
            MessageEntry entry = seen.getOrDefault(m.uid(), MessageSets.current(snapshot, m));
            if (since.isPresent() && entry.modseq() <= since.getAsLong()) {
                continue;
            }
            FetchData data = new FetchData(entry, () -> ctx.services().bodies().get(entry.bodyBlob(),
                    () -> mail.body(entry)));
            try {
                ctx.send(new Response.FetchResult(m.msn(), data.build(command.items(), seen.containsKey(m.uid()))));
            } catch (MailStoreException e) {
                if (!selected.view().isExpunged(m.uid())) {
                    throw e;
                }
                expungeIssued = true;
                continue;
            }
            unknownEncoding |= data.unknownEncoding();
            if (command.items().contains(FetchItem.FLAGS) || seen.containsKey(m.uid())) {
                selected.view().remember(entry);
            }
        }
        if (unknownEncoding) {
            return Outcome.Done.no(ResponseCode.Plain.UNKNOWN_CTE, Texts.UNKNOWN_CTE);
        }
        if (expungeIssued) {
            return Outcome.Done.no(ResponseCode.Plain.EXPUNGEISSUED, Texts.EXPUNGE_ISSUED);
        }
        return Outcome.Done.ok(Texts.FETCH_DONE);
    }

    /** Sets \Seen on the messages a non-PEEK body item reads; returns their new entries by UID. */
    private static Map<Long, MessageEntry> markSeen(Fetch command, Selected selected, MailboxSnapshot snapshot,
                                                    List<ViewMessage> messages) {
        Map<Long, MessageEntry> updated = new HashMap<>();
        if (selected.view().readOnly() || command.items().stream().noneMatch(FetchData::setsSeen)) {
            return updated;
        }
        List<Long> unseen = messages.stream()
                .filter(m -> !selected.view().isExpunged(m.uid()))
                .filter(m -> !FlagSets.has(MessageSets.current(snapshot, m).flags(), Flag.SEEN))
                .map(ViewMessage::uid).toList();
        if (unseen.isEmpty()) {
            return updated;
        }
        UserMail.StoreOutcome outcome = selected.mail().store(selected.view().name().name(), unseen,
                new UserMail.FlagChange(UserMail.FlagChange.Mode.ADD, Set.of(Flag.SEEN.name())), OptionalLong.empty());
        for (MessageEntry e : outcome.changed()) {
            updated.put(e.uid(), e);
        }
        return updated;
    }

    /** RFC 7162 §3.2.6: UIDs in the set expunged since CHANGEDSINCE, as {@code VANISHED (EARLIER)}. */
    private static void vanished(CommandContext ctx, Fetch command, MailboxSnapshot snapshot) {
        if (command.set() instanceof SequenceSet.Ranges set) {
            VanishedUids.since(ctx.selected().mail(), snapshot, command.changedSince().getAsLong(), Optional.of(set))
                    .ifPresent(uids -> ctx.send(new Response.Vanished(true, uids)));
        }
    }
}
