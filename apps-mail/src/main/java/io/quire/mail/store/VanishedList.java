package io.quire.mail.store;

import io.quire.mail.store.MailDocs.VanishedRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The vanished records of one mailbox, immutable: sorted by modseq (for QRESYNC "vanished since")
 * and by UID (for "is this UID recorded"). Bounded by the store's trimming, so copying it on a
 * change is cheap.
 */
final class VanishedList {
    static final VanishedList EMPTY = new VanishedList(new VanishedRecord[0]);
    private static final Comparator<VanishedRecord> ORDER =
            Comparator.comparingLong(VanishedRecord::modseq).thenComparingLong(VanishedRecord::uid).thenComparing(VanishedRecord::docId);

    private final VanishedRecord[] byModseq;
    private final long[] uids;

    private VanishedList(VanishedRecord[] byModseq) {
        this.byModseq = byModseq;
        this.uids = Arrays.stream(byModseq).mapToLong(VanishedRecord::uid).sorted().toArray();
    }

    static VanishedList of(List<VanishedRecord> records) {
        VanishedRecord[] a = records.toArray(VanishedRecord[]::new);
        Arrays.sort(a, ORDER);
        return new VanishedList(a);
    }

    /** This list without the records {@code removedDocIds} and with {@code added} (replacing by doc id). */
    VanishedList with(Set<String> removedDocIds, List<VanishedRecord> added) {
        Set<String> gone = new HashSet<>(removedDocIds);
        for (VanishedRecord r : added) gone.add(r.docId());
        List<VanishedRecord> out = new ArrayList<>(byModseq.length + added.size());
        for (VanishedRecord r : byModseq) if (!gone.contains(r.docId())) out.add(r);
        out.addAll(added);
        return of(out);
    }

    int size() {
        return byModseq.length;
    }

    boolean contains(long uid) {
        return Arrays.binarySearch(uids, uid) >= 0;
    }

    /** UIDs whose record has a modseq above {@code modseq}, ascending, each once. */
    List<Long> uidsSince(long modseq) {
        TreeSet<Long> out = new TreeSet<>();
        for (int i = byModseq.length - 1; i >= 0 && byModseq[i].modseq() > modseq; i--) out.add(byModseq[i].uid());
        return List.copyOf(out);
    }

    /** The {@code n} oldest records (lowest modseq first): what trimming removes. */
    List<VanishedRecord> oldest(int n) {
        return List.of(Arrays.copyOf(byModseq, Math.min(n, byModseq.length)));
    }

    List<VanishedRecord> all() {
        return List.of(byModseq);
    }
}
