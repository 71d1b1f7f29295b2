package io.quire.mail.store;

import io.quire.mail.store.EntryList.Row;
import io.quire.mail.store.MailDocs.VanishedRecord;
import io.quire.mail.store.MailIndex.Departure;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the store writes after a merge to restore the mail rules that no single document can keep.
 * Run from the head-change listener on every replica; each rule depends only on the merged state,
 * so replicas that repair the same state concurrently write the same values and converge.
 *
 * <ol>
 *   <li><b>Reused UIDs.</b> A message the index holds back because a merge put it at a UID this
 *       replica had handed out before ({@link MergeGuard}) gets a fresh UID in its mailbox.</li>
 *   <li><b>Lowered counters, stale stamps.</b> A mailbox whose UIDNEXT or HIGHESTMODSEQ a merge
 *       lowered, and entries a merge stamped too low, are written with the values the index kept
 *       ({@link MergeGuard}).</li>
 *   <li><b>Recovery.</b> A message whose mailbox is gone (delivered or moved into a mailbox deleted
 *       elsewhere meanwhile) is moved, by a normal write, into the mailbox with the fixed id
 *       {@value #RECOVERED_ID}, created if missing: mail is never lost (ARCHITECTURE.md §4).
 *       Orphans are taken in internal-date then id order, so UIDs are alike everywhere.</li>
 *   <li><b>Orphan records.</b> Vanished records of a mailbox that is gone are deleted.</li>
 *   <li><b>Departures.</b> A UID that a merge took from a message (renumbering, a concurrent move
 *       that lost) without a vanished record gets one, so QRESYNC clients see it vanish.</li>
 *   <li><b>Duplicate names.</b> Two mailboxes created or renamed to one name concurrently: the one
 *       with the smallest id keeps it, each other is renamed to {@code "name (xxxxxx)"}, a suffix
 *       taken from a hash of its id.</li>
 * </ol>
 */
final class Repairs {
    static final String RECOVERED_ID = "recovered";
    static final String RECOVERED_NAME = "Recovered";

    private Repairs() {
    }

    /** True when the view or pending departures call for a repair (cheap: no document is read). */
    static boolean needed(IndexView v, Set<Departure> departures) {
        if (!departures.isEmpty() || !v.held().isEmpty() || !v.lowered().isEmpty() || !v.restamp().isEmpty()) return true;
        for (String box : v.messages().keySet()) if (!v.mailboxes().containsKey(box)) return true;
        for (String box : v.vanished().keySet()) if (!v.mailboxes().containsKey(box)) return true;
        for (List<String> ids : v.idsByName().values()) if (ids.size() > 1) return true;
        return false;
    }

    /** What a repair did: the departures it dealt with (to forget once committed), and whether it wrote. */
    record Outcome(Set<Departure> handled, boolean wrote) {
    }

    /** The repair of the draft's view and these pending departures. */
    static Plan<Outcome> plan(TxDraft d, Set<Departure> pending) {
        IndexView v = d.view();
        Set<Departure> handled = new HashSet<>(pending);
        List<Row> orphans = renumberHeld(d, v);
        recoverOrphans(d, v, orphans);
        for (Map.Entry<String, VanishedList> e : new TreeMap<>(v.vanished()).entrySet())
            if (!v.mailboxes().containsKey(e.getKey())) for (VanishedRecord r : e.getValue().all()) d.deleteVanished(r);
        recordDepartures(d, v, handled);
        renameDuplicates(d, v);
        writeRestamps(d, v);
        for (String id : new TreeSet<>(v.lowered())) if (v.mailboxes().containsKey(id)) d.rewrite(id);
        Optional<io.quire.sdk.Transaction> tx = d.build();
        return new Plan<>(tx, new Outcome(handled, tx.isPresent()));
    }

    /** Gives held messages fresh UIDs in their mailboxes; returns those whose mailbox is gone. */
    private static List<Row> renumberHeld(TxDraft d, IndexView v) {
        List<Row> orphans = new ArrayList<>();
        TreeMap<String, List<Row>> byBox = new TreeMap<>();
        for (IndexView.Held h : v.held().values()) {
            if (v.mailboxes().containsKey(h.mailboxId())) byBox.computeIfAbsent(h.mailboxId(), k -> new ArrayList<>()).add(h.row());
            else orphans.add(h.row());
        }
        byBox.forEach((box, rows) -> {
            rows.sort(ORDER);
            Moves.move(d, box, box, rows);
        });
        return orphans;
    }

    /** Writes the modseqs the index gave to entries a merge stamped too low (unless they changed since). */
    private static void writeRestamps(TxDraft d, IndexView v) {
        for (IndexView.Held h : new TreeMap<>(v.restamp()).values()) {
            EntryList l = v.entries(h.mailboxId());
            int i = l.indexOfUid(h.row().entry().uid());
            if (i < 0 || !l.get(i).id().equals(h.row().entry().id()) || !l.revision(i).equals(h.row().rev())) continue;
            d.putMessage(h.mailboxId(), l.get(i), l.revision(i));
        }
    }

    /** Internal date, then id: an order every replica computes alike. */
    private static final Comparator<Row> ORDER = Comparator.comparing((Row r) -> r.entry().internalDate()).thenComparing(r -> r.entry().id());

    private static void recoverOrphans(TxDraft d, IndexView v, List<Row> orphans) {
        for (Map.Entry<String, EntryList> e : new TreeMap<>(v.messages()).entrySet()) {
            if (v.mailboxes().containsKey(e.getKey())) continue;
            EntryList l = e.getValue();
            for (int i = 0; i < l.size(); i++) orphans.add(new Row(l.get(i), l.revision(i)));
        }
        if (orphans.isEmpty()) return;
        orphans.sort(ORDER);
        if (!d.exists(RECOVERED_ID)) {
            String name = v.byName(RECOVERED_NAME).isPresent() ? suffixed(RECOVERED_NAME, RECOVERED_ID) : RECOVERED_NAME;
            d.create(RECOVERED_ID, name, Optional.empty(), true, true);
        }
        Moves.move(d, "", RECOVERED_ID, orphans); // the source is gone: nothing to record there
    }

    private static void recordDepartures(TxDraft d, IndexView v, Set<Departure> pending) {
        TreeMap<String, TreeSet<Long>> byBox = new TreeMap<>();
        for (Departure x : pending) {
            if (!v.mailboxes().containsKey(x.mailboxId())) continue;
            if (v.vanishedOf(x.mailboxId()).contains(x.uid()) || v.entries(x.mailboxId()).indexOfUid(x.uid()) >= 0) continue;
            byBox.computeIfAbsent(x.mailboxId(), k -> new TreeSet<>()).add(x.uid());
        }
        byBox.forEach(d::vanish);
    }

    private static void renameDuplicates(TxDraft d, IndexView v) {
        Set<String> taken = new HashSet<>(v.idsByName().keySet());
        for (Map.Entry<String, List<String>> e : new TreeMap<>(v.idsByName()).entrySet()) {
            List<String> ids = e.getValue();
            for (String id : ids.subList(1, ids.size())) {
                String name = suffixed(e.getKey(), id);
                while (taken.contains(name)) name = suffixed(name, id);
                taken.add(name);
                d.update(d.box(id).withName(name));
            }
        }
    }

    /** {@code "name (xxxxxx)"}: six hex digits of SHA-1 of the id. */
    static String suffixed(String name, String id) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-1").digest(id.getBytes(StandardCharsets.UTF_8));
            return name + " (" + HexFormat.of().formatHex(h, 0, 3) + ")";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
