package io.quire.mail.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.mail.store.MailOp.Copy;
import io.quire.mail.store.MailOp.Create;
import io.quire.mail.store.MailOp.Delete;
import io.quire.mail.store.MailOp.Deliver;
import io.quire.mail.store.MailOp.Expunge;
import io.quire.mail.store.MailOp.Flag;
import io.quire.mail.store.MailOp.Move;
import io.quire.mail.store.MailOp.Rename;
import io.quire.mail.store.MailOp.Sync;
import io.quire.mail.store.MailState.Place;
import io.quire.mail.store.UserMail.FlagChange;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Runs a random mail history over replicas and checks the mail rules (ARCHITECTURE.md §4, §5) after
 * every step, on the replica the step touched:
 * <ul>
 *   <li>a UID never refers to two messages, over the whole history (per mailbox id and UIDVALIDITY),
 *       and a UID a message holds has no vanished record (QRESYNC would report it gone);</li>
 *   <li>UIDVALIDITY stays; UIDNEXT and HIGHESTMODSEQ never decrease;</li>
 *   <li>after a merge (before any repair): every entry that differs from a side's view has a modseq
 *       above that side's HIGHESTMODSEQ, and an entry in a place neither side gave it (renumbered)
 *       has a UID at or above both sides' UIDNEXT;</li>
 *   <li>after the repair: every place a message left is reported by {@code vanishedSince} the
 *       replica's former HIGHESTMODSEQ (QRESYNC);</li>
 *   <li>each message is in one place;</li>
 * </ul>
 * and at the end, once every replica pulled every other: all replicas are equal, and every
 * delivered message that no step expunged or deleted is still there (Recovered included).
 */
final class MailHistory implements AutoCloseable {
    final Replicas r;
    private final Set<String> delivered = new HashSet<>();
    private final Set<String> removed = new HashSet<>();
    private final List<Map<String, String>> uidOwner = new ArrayList<>();
    private final List<Map<String, long[]>> counters = new ArrayList<>();
    private final List<Map<String, Long>> validity = new ArrayList<>();
    private int serial;
    /** What the history exercised, for jqwik's statistics: renumbered, held, recovered, final messages. */
    final int[] seen = new int[5];

    MailHistory(int replicas) {
        r = new Replicas(replicas, MailOp.BOXES.subList(1, MailOp.BOXES.size()));
        for (int i = 0; i < replicas; i++) {
            uidOwner.add(new HashMap<>());
            counters.add(new HashMap<>());
            validity.add(new HashMap<>());
            observe(i);
        }
    }

    void run(List<MailOp> ops) {
        for (MailOp op : ops) apply(op);
        finish();
    }

    private String box(int i) {
        return MailOp.BOXES.get(Math.floorMod(i, MailOp.BOXES.size()));
    }

    private int replica(int i) {
        return Math.floorMod(i, r.size());
    }

    void apply(MailOp op) {
        switch (op) {
            case Sync s -> sync(replica(s.into()), replica(s.from()));
            case MailOp.Prune x -> {
                if (r.prune(replica(x.replica()))) seen[4]++;
                observe(replica(x.replica()));
            }
            default -> {
                int at = replica(switch (op) {
                    case Deliver d -> d.replica();
                    case Flag f -> f.replica();
                    case Expunge e -> e.replica();
                    case Move m -> m.replica();
                    case Copy c -> c.replica();
                    case Create c -> c.replica();
                    case Delete d -> d.replica();
                    case Rename n -> n.replica();
                    case Sync s -> s.into();
                    case MailOp.Prune x -> x.replica();
                });
                try {
                    local(r.mail(at), op);
                } catch (MailStoreException expected) {
                    // no such mailbox, already exists ...: the history asked for something impossible here
                }
                observe(at);
            }
        }
    }

    private void local(DatabaseUserMail m, MailOp op) {
        switch (op) {
            case Deliver d -> {
                byte[] raw = ("Subject: m" + serial++ + "\r\n\r\nx\r\n").getBytes(StandardCharsets.US_ASCII);
                delivered.add(m.append(box(d.box()), raw, Set.of(), Instant.ofEpochSecond(86_400L * Math.floorMod(d.day(), 4))).messageId());
            }
            case Flag f -> pick(m, f.box(), f.pick()).ifPresent(e -> m.store(box(f.box()), List.of(e.uid()),
                    new FlagChange(f.add() ? FlagChange.Mode.ADD : FlagChange.Mode.REMOVE,
                            Set.of(MailOp.FLAGS.get(Math.floorMod(f.flag(), MailOp.FLAGS.size())))), OptionalLong.empty()));
            case Expunge x -> pick(m, x.box(), x.pick()).ifPresent(e -> {
                m.store(box(x.box()), List.of(e.uid()), new FlagChange(FlagChange.Mode.ADD, Set.of("\\Deleted")), OptionalLong.empty());
                if (m.expunge(box(x.box()), Optional.of(List.of(e.uid()))).contains(e.uid())) removed.add(e.id());
            });
            case Move v -> pick(m, v.from(), v.pick()).ifPresent(e -> m.move(box(v.from()), List.of(e.uid()), box(v.to())));
            case Copy c -> pick(m, c.from(), c.pick()).ifPresent(e -> {
                var out = m.copy(box(c.from()), List.of(e.uid()), box(c.to()));
                MailboxSnapshot target = m.snapshot(box(c.to()));
                for (long uid : out.targetUids()) delivered.add(target.byUid(uid).orElseThrow().id());
            });
            case Create c -> m.create(box(c.box()), Optional.empty());
            case Delete d -> {
                List<String> ids = m.snapshot(box(d.box())).messages().stream().map(MessageEntry::id).toList();
                m.delete(box(d.box()));
                removed.addAll(ids);
            }
            case Rename n -> m.rename(box(n.from()), box(n.to()));
            case Sync s -> throw new IllegalStateException("not local");
            case MailOp.Prune x -> throw new IllegalStateException("not local");
        }
    }

    private Optional<MessageEntry> pick(DatabaseUserMail m, int box, int pick) {
        List<MessageEntry> l = m.snapshot(box(box)).messages();
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(Math.floorMod(pick, l.size())));
    }

    /** {@code into} pulls {@code from}: checks the merge, then repairs and checks what its clients will hear. */
    void sync(int into, int from) {
        if (into == from) return;
        MailState ours = MailState.of(r.mail(into)), theirs = MailState.of(r.mail(from));
        r.pull(into, from);
        MailState merged = MailState.of(r.mail(into));
        for (Map.Entry<String, Place> x : merged.places().entrySet()) {
            Place e = x.getValue(), o = ours.places().get(x.getKey()), t = theirs.places().get(x.getKey());
            if (!e.sameForClients(o))
                assertTrue(e.modseq() > ours.highestModseq(e.box(), e.validity()), () -> "a merged change has a modseq above ours' HIGHESTMODSEQ: " + e + " was " + o);
            if (!e.sameForClients(t))
                assertTrue(e.modseq() > theirs.highestModseq(e.box(), e.validity()), () -> "a merged change has a modseq above theirs' HIGHESTMODSEQ: " + e + " was " + t);
            if (!e.samePlace(o) && !e.samePlace(t)) seen[0]++;
            if (!e.samePlace(o) && !e.samePlace(t))
                assertTrue(e.uid() >= Math.max(ours.uidNext(e.box(), e.validity()), theirs.uidNext(e.box(), e.validity())),
                        () -> "a renumbered UID is at or above both UIDNEXTs: " + e + " ours " + o + " theirs " + t);
        }
        observe(into);
        seen[1] += r.mail(into).view().held().size();
        r.repair(into);
        MailState repaired = MailState.of(r.mail(into));
        for (Map.Entry<String, Place> x : ours.places().entrySet()) {
            Place o = x.getValue(), now = repaired.places().get(x.getKey());
            MailboxInfo box = repaired.boxes().get(o.box());
            if (o.samePlace(now) || box == null || box.uidValidity() != o.validity()) continue;
            List<Long> gone = r.mail(into).vanishedSince(box.name(), ours.highestModseq(o.box(), o.validity()));
            assertTrue(gone.contains(o.uid()), () -> "UID " + o.uid() + " that left " + box.name() + " is reported vanished: " + gone);
        }
        observe(into);
    }

    /** Checks the rules that hold at every moment on one replica, and remembers what it shows. */
    void observe(int i) {
        MailState s = MailState.of(r.mail(i));
        for (MailboxInfo b : s.boxes().values()) {
            String key = b.id() + "|" + b.uidValidity();
            Long v = validity.get(i).put(b.id(), b.uidValidity());
            if (v != null && !b.id().equals(Repairs.RECOVERED_ID))
                assertEquals(v.longValue(), b.uidValidity(), "UIDVALIDITY stays for mailbox " + b.name());
            long[] c = counters.get(i).get(key);
            if (c != null) {
                assertTrue(b.uidNext() >= c[0], "UIDNEXT never decreases: " + b + " was " + c[0]);
                assertTrue(b.highestModseq() >= c[1], "HIGHESTMODSEQ never decreases: " + b + " was " + c[1]);
            }
            counters.get(i).put(key, new long[]{b.uidNext(), b.highestModseq()});
        }
        for (Map.Entry<String, Place> x : s.places().entrySet()) {
            Place p = x.getValue();
            MailboxInfo b = s.boxes().get(p.box());
            assertTrue(p.uid() < b.uidNext(), () -> "a UID is below UIDNEXT: " + p + " in " + b);
            assertTrue(p.modseq() <= b.highestModseq(), () -> "a modseq is at most HIGHESTMODSEQ: " + p + " in " + b);
            String key = p.box() + "|" + p.validity() + "|" + p.uid();
            String owner = uidOwner.get(i).putIfAbsent(key, x.getKey());
            assertTrue(owner == null || owner.equals(x.getKey()),
                    () -> "UID " + p.uid() + " of " + b.name() + " referred to " + owner + " and now to " + x.getKey());
            assertFalse(r.mail(i).view().vanishedOf(p.box()).contains(p.uid()),
                    () -> "UID " + p.uid() + " of " + b.name() + " is not both held by " + x.getKey() + " and recorded as vanished");
        }
    }

    /** Heals everything (star pattern: all into 0, then 0 into all) and checks the end state. */
    void finish() {
        for (int round = 0; round < 6 && !r.converged(); round++) {
            for (int i = 1; i < r.size(); i++) sync(0, i);
            for (int i = 1; i < r.size(); i++) sync(i, 0);
        }
        for (int i = 0; i < r.size(); i++) r.repair(i);
        assertTrue(r.converged(), () -> "replicas converge: " + r.heads());
        MailState first = MailState.of(r.mail(0));
        for (int i = 1; i < r.size(); i++) assertEquals(first, MailState.of(r.mail(i)), "replica " + i + " equals replica 0");
        assertTrue(r.mail(0).view().messages().keySet().stream().allMatch(b -> r.mail(0).view().mailboxes().containsKey(b)),
                "no message is left in a mailbox that does not exist");
        assertTrue(r.mail(0).view().held().isEmpty(), "no message is left held back");
        r.mail(0).mailbox(Repairs.RECOVERED_NAME).ifPresent(b -> seen[2] += b.messages());
        seen[3] = first.places().size();
        for (String id : delivered)
            if (!removed.contains(id)) assertTrue(first.places().containsKey(id), () -> "delivered message " + id + " is kept");
    }

    @Override
    public void close() {
        r.close();
    }
}
