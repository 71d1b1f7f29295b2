package io.quire.mail.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quire.mail.model.Flags;
import io.quire.mail.store.EntryList.Removal;
import io.quire.mail.store.EntryList.Row;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link EntryList} against a sorted map as the model: after any sequence of batches of inserts,
 * replacements and removals it holds the same entries in UID order, finds each by UID, counts the
 * unseen ones, diffs like a plain list, and never changes a list taken earlier.
 */
class EntryListProperties {

    record Batch(List<Long> insertOrReplace, List<Long> remove, boolean seen) {
    }

    @Property(tries = 500)
    void behavesLikeASortedMapAndNeverChangesAnEarlierList(@ForAll("batches") List<Batch> batches) {
        TreeMap<Long, MessageEntry> model = new TreeMap<>();
        EntryList list = EntryList.EMPTY;
        List<EntryList> earlier = new ArrayList<>();
        List<List<MessageEntry>> earlierContent = new ArrayList<>();
        for (Batch b : batches) {
            List<Removal> removals = new ArrayList<>();
            List<Row> upserts = new ArrayList<>();
            for (long uid : b.remove()) {
                MessageEntry e = model.remove(uid);
                if (e != null) removals.add(new Removal(uid, e.id()));
            }
            for (long uid : new java.util.TreeSet<>(b.insertOrReplace())) {
                if (b.remove().contains(uid)) continue;
                MessageEntry old = model.get(uid);
                MessageEntry e = entry(uid, b.seen(), old == null ? 0 : old.modseq() + 1);
                if (old != null) removals.add(new Removal(uid, old.id()));
                model.put(uid, e);
                upserts.add(new Row(e, "rev" + uid));
            }
            EntryList before = list;
            list = list.with(removals, upserts);
            assertEquals(MailboxChanges.between(snapshot(List.copyOf(before)), snapshot(List.copyOf(list))),
                    MailboxChanges.between(snapshot(before), snapshot(list)), "the chunk-skipping diff equals the plain one");
            earlier.add(list);
            earlierContent.add(List.copyOf(model.values()));
            assertEquals(List.copyOf(model.values()), List.copyOf(list));
            assertEquals(model.values().stream().filter(e -> !e.flags().contains(Flags.SEEN)).count(), list.unseen());
            for (long uid : model.keySet()) assertEquals(uid, list.get(list.indexOfUid(uid)).uid());
            for (long uid = 0; uid < 40; uid++) if (!model.containsKey(uid)) assertEquals(true, list.indexOfUid(uid) < 0);
        }
        for (int i = 0; i < earlier.size(); i++) assertEquals(earlierContent.get(i), List.copyOf(earlier.get(i)));
    }

    private static MailboxSnapshot snapshot(List<MessageEntry> l) {
        return new MailboxSnapshot(new MailboxInfo("b", "B", java.util.Optional.empty(), false, 1, 1, 1, l.size(), 0), "h", l);
    }

    private static MessageEntry entry(long uid, boolean seen, long modseq) {
        return new MessageEntry("m" + uid, uid, seen ? Flags.of(Set.of(Flags.SEEN)) : Flags.NONE, Instant.EPOCH, modseq, 10, "b");
    }

    @Provide
    Arbitrary<List<Batch>> batches() {
        // Small UIDs collide; large batches cross the chunk size and the rebuild threshold.
        Arbitrary<Long> uid = Arbitraries.oneOf(Arbitraries.longs().between(1, 40), Arbitraries.longs().between(1, 2_000));
        Arbitrary<Batch> batch = net.jqwik.api.Combinators.combine(uid.list().ofMaxSize(700), uid.list().ofMaxSize(50),
                Arbitraries.of(true, false)).as(Batch::new);
        return batch.list().ofMinSize(1).ofMaxSize(8);
    }
}
