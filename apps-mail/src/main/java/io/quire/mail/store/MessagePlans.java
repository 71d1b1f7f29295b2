package io.quire.mail.store;

import io.quire.mail.model.Flags;
import io.quire.mail.model.MailboxName;
import io.quire.mail.model.MessageIds;
import io.quire.mail.store.EntryList.Row;
import io.quire.mail.store.UserMail.Appended;
import io.quire.mail.store.UserMail.CopyOutcome;
import io.quire.mail.store.UserMail.FlagChange;
import io.quire.mail.store.UserMail.NewMessage;
import io.quire.mail.store.UserMail.StoreOutcome;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * Plans of the message operations: APPEND, STORE, COPY, MOVE, EXPUNGE. Each reads one
 * {@link IndexView} and yields one transaction; nothing here does I/O.
 */
final class MessagePlans {
    private final MessageIds ids;

    MessagePlans(MessageIds ids) {
        this.ids = ids;
    }

    /** APPEND / delivery: UIDs from UIDNEXT, in the given order, one modseq for all. */
    Plan<List<Appended>> append(TxDraft d, MailboxName name, List<NewMessage> messages) {
        MailboxRecord box = MailboxPlans.require(d.view(), name);
        List<Appended> out = new ArrayList<>(messages.size());
        if (messages.isEmpty()) return Plan.nothing(out);
        long modseq = d.modseq(box.id());
        for (NewMessage m : messages) {
            long uid = d.allocateUid(box.id());
            String id = ids.next();
            MessageEntry e = new MessageEntry(id, uid, Flags.of(m.flags()), m.internalDate(), modseq, m.raw().length, null);
            d.putNewMessage(box.id(), e, m.raw());
            out.add(new Appended(box.uidValidity(), uid, id));
        }
        return Plan.of(d, out);
    }

    /** STORE with the CONDSTORE UNCHANGEDSINCE test (RFC 7162 §3.1.3); unchanged flags write nothing. */
    Plan<StoreOutcome> store(TxDraft d, MailboxName name, Collection<Long> uids, FlagChange change, OptionalLong unchangedSince) {
        MailboxRecord box = MailboxPlans.require(d.view(), name);
        EntryList list = d.view().entries(box.id());
        Set<String> delta = Flags.of(change.flags());
        List<MessageEntry> changed = new ArrayList<>();
        List<Long> modified = new ArrayList<>();
        for (long uid : new TreeSet<>(uids)) {
            int i = list.indexOfUid(uid);
            if (i < 0) continue;
            MessageEntry e = list.get(i);
            if (unchangedSince.isPresent() && e.modseq() > unchangedSince.getAsLong()) {
                modified.add(uid);
                continue;
            }
            Set<String> next = apply(e.flags(), change.mode(), delta);
            if (next.equals(e.flags())) continue;
            MessageEntry after = new MessageEntry(e.id(), e.uid(), next, e.internalDate(), d.modseq(box.id()), e.size(), e.bodyBlob());
            d.replaceMessage(box.id(), new Row(e, list.revision(i)), box.id(), after);
            changed.add(after);
        }
        return Plan.of(d, new StoreOutcome(List.copyOf(changed), List.copyOf(modified)));
    }

    private static Set<String> apply(Set<String> flags, FlagChange.Mode mode, Set<String> delta) {
        TreeSet<String> s = new TreeSet<>(flags);
        switch (mode) {
            case ADD -> s.addAll(delta);
            case REMOVE -> s.removeAll(delta);
            case REPLACE -> {
                s.clear();
                s.addAll(delta);
            }
        }
        return Flags.of(s);
    }

    /** COPY: new message documents sharing the body blob (stored once), flags and internal date kept. */
    Plan<CopyOutcome> copy(TxDraft d, MailboxName from, Collection<Long> uids, MailboxName to) {
        MailboxRecord src = MailboxPlans.require(d.view(), from);
        MailboxRecord dst = MailboxPlans.require(d.view(), to);
        List<Row> rows = rows(d.view().entries(src.id()), uids);
        List<Long> sourceUids = new ArrayList<>(), targetUids = new ArrayList<>();
        if (rows.isEmpty()) return Plan.nothing(new CopyOutcome(dst.uidValidity(), sourceUids, targetUids));
        long modseq = d.modseq(dst.id());
        for (Row r : rows) {
            MessageEntry e = r.entry();
            long uid = d.allocateUid(dst.id());
            d.putCopy(dst.id(), new MessageEntry(ids.next(), uid, e.flags(), e.internalDate(), modseq, e.size(), e.bodyBlob()));
            sourceUids.add(e.uid());
            targetUids.add(uid);
        }
        return Plan.of(d, new CopyOutcome(dst.uidValidity(), List.copyOf(sourceUids), List.copyOf(targetUids)));
    }

    /** MOVE (RFC 6851): the same documents get a place in the target; the source records the UIDs as vanished. */
    Plan<CopyOutcome> move(TxDraft d, MailboxName from, Collection<Long> uids, MailboxName to) {
        MailboxRecord src = MailboxPlans.require(d.view(), from);
        MailboxRecord dst = MailboxPlans.require(d.view(), to);
        List<Row> rows = rows(d.view().entries(src.id()), uids);
        List<Long> sourceUids = rows.stream().map(r -> r.entry().uid()).toList();
        if (rows.isEmpty()) return Plan.nothing(new CopyOutcome(dst.uidValidity(), List.of(), List.of()));
        List<Long> targetUids = Moves.move(d, src.id(), dst.id(), rows);
        return Plan.of(d, new CopyOutcome(dst.uidValidity(), sourceUids, List.copyOf(targetUids)));
    }

    /** EXPUNGE / UID EXPUNGE (RFC 4315 §2.1): messages flagged \Deleted, among {@code uids} when given. */
    Plan<List<Long>> expunge(TxDraft d, MailboxName name, Optional<Collection<Long>> uids) {
        MailboxRecord box = MailboxPlans.require(d.view(), name);
        EntryList list = d.view().entries(box.id());
        Set<Long> only = uids.<Set<Long>>map(TreeSet::new).orElse(null);
        List<Long> gone = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            MessageEntry e = list.get(i);
            if (!e.flags().contains(Flags.DELETED) || (only != null && !only.contains(e.uid()))) continue;
            d.deleteMessage(box.id(), new Row(e, list.revision(i)));
            gone.add(e.uid());
        }
        if (gone.isEmpty()) return Plan.nothing(List.of());
        d.vanish(box.id(), gone);
        return Plan.of(d, List.copyOf(gone));
    }

    /** The entries with these UIDs, in UID order; UIDs not in the mailbox are skipped. */
    static List<Row> rows(EntryList list, Collection<Long> uids) {
        List<Row> out = new ArrayList<>();
        for (long uid : new TreeSet<>(uids)) {
            int i = list.indexOfUid(uid);
            if (i >= 0) out.add(new Row(list.get(i), list.revision(i)));
        }
        return out;
    }
}
