package io.quire.mail.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * One immutable state of the derived index, published atomically after each applied change: the
 * mailboxes, each mailbox's messages and vanished records. Readers take the current view and are
 * never blocked; writers plan their transaction from it.
 *
 * @param head             the commit the view reflects (at least; documents are read at the newest head)
 * @param mailboxes        by mailbox id
 * @param messages         by mailbox id; may hold ids of mailboxes that no longer exist (orphans to recover)
 * @param vanished         by mailbox id
 * @param uidValidityHigh  the account's UIDVALIDITY high-water mark
 * @param accountRev       the account document's revision, or null when it does not exist
 * @param held             by message id: messages a merge put at a UID this replica had already
 *                         used, kept out of the mailbox until a repair gives them a fresh UID
 * @param lowered          ids of mailboxes whose counters a merge lowered: the view shows the former
 *                         values until a repair writes them back
 * @param restamp          by message id: entries the view shows with a modseq a repair must write
 *                         (see {@link MergeGuard})
 */
record IndexView(String head, Map<String, MailboxRecord> mailboxes, Map<String, EntryList> messages,
                 Map<String, VanishedList> vanished, long uidValidityHigh, String accountRev, Map<String, Held> held,
                 Set<String> lowered, Map<String, Held> restamp, Map<String, List<String>> idsByName) {

    /** A message held back from its mailbox: where the merge put it, and its entry. */
    record Held(String mailboxId, EntryList.Row row) {
    }

    IndexView(String head, Map<String, MailboxRecord> mailboxes, Map<String, EntryList> messages,
              Map<String, VanishedList> vanished, long uidValidityHigh, String accountRev, MergeGuard guard) {
        this(head, Map.copyOf(mailboxes), Map.copyOf(messages), Map.copyOf(vanished), uidValidityHigh, accountRev,
                Map.copyOf(guard.held), Set.copyOf(guard.lowered), Map.copyOf(guard.restamp), names(mailboxes));
    }

    /**
     * The view {@code base} would become after a write not committed yet (a write batch plans each
     * operation from the view the earlier ones leave): the same head and merge-guard state, new content.
     */
    static IndexView planned(IndexView base, Map<String, MailboxRecord> mailboxes, Map<String, EntryList> messages,
                             Map<String, VanishedList> vanished, long uidValidityHigh, String accountRev) {
        return new IndexView(base.head, Map.copyOf(mailboxes), Map.copyOf(messages), Map.copyOf(vanished), uidValidityHigh,
                accountRev, base.held, base.lowered, base.restamp, names(mailboxes));
    }

    static final IndexView EMPTY = new IndexView("", Map.of(), Map.of(), Map.of(), 0, null, new MergeGuard());

    private static Map<String, List<String>> names(Map<String, MailboxRecord> mailboxes) {
        Map<String, List<String>> out = new HashMap<>();
        for (MailboxRecord m : new TreeMap<>(mailboxes).values()) out.computeIfAbsent(m.name(), k -> new ArrayList<>()).add(m.id());
        // The fixed INBOX id keeps the name INBOX whatever ids sort before it.
        out.replaceAll((k, v) -> {
            if (v.remove(MailboxPlans.INBOX_ID)) v.add(0, MailboxPlans.INBOX_ID);
            return List.copyOf(v);
        });
        return Map.copyOf(out);
    }

    /** The mailbox with this (canonical) name; when a merge left two, the one with the smallest id. */
    Optional<MailboxRecord> byName(String name) {
        List<String> ids = idsByName.get(name);
        return ids == null ? Optional.empty() : Optional.of(mailboxes.get(ids.get(0)));
    }

    Optional<MailboxRecord> byId(String id) {
        return Optional.ofNullable(mailboxes.get(id));
    }

    EntryList entries(String mailboxId) {
        return messages.getOrDefault(mailboxId, EntryList.EMPTY);
    }

    VanishedList vanishedOf(String mailboxId) {
        return vanished.getOrDefault(mailboxId, VanishedList.EMPTY);
    }

    /** This view's per-mailbox entries after removing and upserting rows in the mailboxes named. */
    Map<String, EntryList> messagesAfter(Map<String, List<EntryList.Removal>> removals, Map<String, List<EntryList.Row>> upserts) {
        Map<String, EntryList> out = new HashMap<>(messages);
        Set<String> touched = new java.util.HashSet<>(removals.keySet());
        touched.addAll(upserts.keySet());
        for (String box : touched) {
            EntryList next = entries(box).with(removals.getOrDefault(box, List.of()), upserts.getOrDefault(box, List.of()));
            if (next.isEmpty()) out.remove(box);
            else out.put(box, next);
        }
        return out;
    }

    /** This view's per-mailbox vanished lists after dropping and adding records in the mailboxes named. */
    Map<String, VanishedList> vanishedAfter(Map<String, Set<String>> gone, Map<String, List<MailDocs.VanishedRecord>> added) {
        Map<String, VanishedList> out = new HashMap<>(vanished);
        Set<String> touched = new java.util.HashSet<>(gone.keySet());
        touched.addAll(added.keySet());
        for (String box : touched) {
            VanishedList next = vanishedOf(box).with(gone.getOrDefault(box, Set.of()), added.getOrDefault(box, List.of()));
            if (next.size() == 0) out.remove(box);
            else out.put(box, next);
        }
        return out;
    }

    MailboxInfo info(MailboxRecord m) {
        EntryList e = entries(m.id());
        return m.info(e.size(), e.unseen());
    }
}
