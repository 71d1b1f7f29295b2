package io.quire.server.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.merge.document.DocumentCodec;
import io.quire.sdk.Document;
import io.quire.sdk.DocumentId;
import io.quire.server.store.GitDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Replication as a whole, over random schedules on 3-5 nodes: writes on random nodes to a tiny key
 * space (so they collide), deliveries, dropped deliveries, partitions, heals and crashes. Once the
 * network is whole and quiet, every replica must hold the same head (ARCHITECTURE.md §5):
 * no acknowledged write is lost (counters sum every acknowledged increment, sets hold every
 * acknowledged element), no deleted document comes back, and merging stops.
 */
class ReplicationProperties {
    static final String DB = "sim";
    static final String SCHEMA = """
            name: sim
            version: 1
            types:
              item:
                onConflict: delete-wins
                fields:
                  name: { type: string, merge: lww }
                  hits: { type: integer, merge: counter }
                  tags: { type: array, items: string, merge: set }
            """;
    static final List<String> KEYS = List.of("one", "two", "three");

    sealed interface Action permits Write, Delete, Deliver, Cut, Heal, Crash, Prune {
    }

    record Write(int node, int key) implements Action {
    }

    record Delete(int node, int key) implements Action {
    }

    record Deliver(int from, int to) implements Action {
    }

    record Cut(int a, int b) implements Action {
    }

    record Heal(int a, int b) implements Action {
    }

    record Crash(int node) implements Action {
    }

    /** The node prunes history below its horizon as soon as anything lies below it. */
    record Prune(int node) implements Action {
    }

    @Provide
    Arbitrary<List<Action>> schedules() {
        return schedules(4, 6, 2, 5, 40);
    }

    /**
     * Longer schedules on which pruning really happens: a node prunes once every peer confirmed a
     * common commit, so deliveries are frequent and prunes come often (in the schedules above, under
     * 1 % of prune actions found anything to prune).
     */
    @Provide
    Arbitrary<List<Action>> pruningSchedules() {
        return schedules(3, 10, 4, 20, 120);
    }

    /** Schedules over nodes 0..{@code maxNode}, with the given weights of deliveries and prunes among the other actions. */
    static Arbitrary<List<Action>> schedules(int maxNode, int deliverWeight, int pruneWeight, int minSize, int maxSize) {
        Arbitrary<Integer> node = Arbitraries.integers().between(0, maxNode);
        Arbitrary<Integer> key = Arbitraries.integers().between(0, KEYS.size() - 1);
        Arbitrary<Action> action = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Combinators.combine(node, key).as(Write::new)),
                net.jqwik.api.Tuple.of(1, Combinators.combine(node, key).as(Delete::new)),
                net.jqwik.api.Tuple.of(deliverWeight, Combinators.combine(node, node).as(Deliver::new)),
                net.jqwik.api.Tuple.of(1, Combinators.combine(node, node).as(Cut::new)),
                net.jqwik.api.Tuple.of(1, Combinators.combine(node, node).as(Heal::new)),
                net.jqwik.api.Tuple.of(1, node.map(Crash::new)),
                net.jqwik.api.Tuple.of(pruneWeight, node.map(Prune::new)));
        return action.list().ofMinSize(minSize).ofMaxSize(maxSize);
    }

    @Property(tries = 500)
    void replicasThatPruneConvergeAndLoseNothing(@ForAll("pruningSchedules") List<Action> schedule,
                                                 @ForAll @IntRange(min = 3, max = 4) int nodes) throws IOException {
        replicasConvergeAndLoseNothing(schedule, nodes);
    }

    /**
     * What the test knows: acknowledged writes, and which writes each node has seen (a delivery
     * passes everything the sender has seen). A delete removes the writes its node has seen; a
     * write it has not seen (made concurrently elsewhere, e.g. a concurrent re-creation) may
     * legitimately survive it.
     */
    static final class Ledger {
        final Map<String, Integer> increments = new HashMap<>();
        final Map<String, Set<String>> tags = new HashMap<>();
        final Map<String, Set<String>> names = new HashMap<>();
        final Set<String> deleted = new HashSet<>();
        final Map<Integer, Set<String>> seen = new HashMap<>();
        final Map<String, Set<String>> deletedWrites = new HashMap<>();
        final List<String> prunes = new ArrayList<>();
        int seq;

        Set<String> seenBy(int node) {
            return seen.computeIfAbsent(node, n -> new HashSet<>());
        }
    }

    @Property(tries = 500)
    void replicasConvergeAndLoseNothing(@ForAll("schedules") List<Action> schedule, @ForAll @IntRange(min = 3, max = 5) int nodes)
            throws IOException {
        // tmpfs when there is one: the simulation never crashes the OS, so the disk adds only time.
        Path shm = Path.of("/dev/shm");
        Path dir = Files.isDirectory(shm) && Files.isWritable(shm) ? Files.createTempDirectory(shm, "quire-sim")
                : Files.createTempDirectory("quire-sim");
        try (SimulatedCluster c = new SimulatedCluster(dir, nodes)) {
            for (String p : run(c, schedule, nodes).prunes) net.jqwik.api.statistics.Statistics.label("prune").collect(p);
        } finally {
            delete(dir);
        }
    }

    static Ledger run(SimulatedCluster c, List<Action> schedule, int nodes) {
        c.store(0).create(DB, SCHEMA);
        for (int i = 1; i < nodes; i++) c.deliver(0, i, DB);
        Ledger ledger = new Ledger();
        for (Action a : schedule) apply(c, ledger, a, nodes);
        c.healAll();
        assertTrue(c.settle(DB, 8), "replicas did not converge after the network healed: " + heads(c));
        String head = c.db(0, DB).head();
        for (int from = 0; from < nodes; from++)
            for (int to = 0; to < nodes; to++) c.deliver(from, to, DB);
        assertEquals(head, c.db(0, DB).head(), "a quiet, whole cluster kept merging");
        checkLedger(c.db(0, DB), ledger);
        for (int i = 1; i < nodes; i++)
            assertEquals(c.db(0, DB).currentHead().tree().id(), c.db(i, DB).currentHead().tree().id(), "trees differ on n" + i);
        return ledger;
    }

    static void apply(SimulatedCluster c, Ledger l, Action a, int nodes) {
        switch (a) {
            case Write w when w.node() < nodes -> {
                String key = KEYS.get(w.key());
                if (l.deleted.contains(key)) return; // deletes are final in this model: nobody writes the key afterwards
                GitDatabase db = c.db(w.node(), DB);
                DocumentId id = DocumentId.of("item", key);
                Optional<Document> cur = db.get(id);
                String tag = "t" + (++l.seq);
                String name = "v" + l.seq;
                ObjectNode data = cur.map(d -> d.data().deepCopy()).orElseGet(DocumentCodec.MAPPER::createObjectNode);
                data.put("hits", data.path("hits").asLong(0) + 1);
                data.put("name", name);
                if (!data.path("tags").isArray()) data.putArray("tags");
                ((com.fasterxml.jackson.databind.node.ArrayNode) data.get("tags")).add(tag);
                db.put(id, data);
                l.seenBy(w.node()).add(tag);
                l.increments.merge(key, 1, Integer::sum);
                l.tags.computeIfAbsent(key, k -> new TreeSet<>()).add(tag);
                l.names.computeIfAbsent(key, k -> new TreeSet<>()).add(name);
            }
            case Delete d when d.node() < nodes -> {
                String key = KEYS.get(d.key());
                GitDatabase db = c.db(d.node(), DB);
                DocumentId id = DocumentId.of("item", key);
                if (l.deleted.contains(key) || db.get(id).isEmpty()) return;
                db.delete(id);
                l.deleted.add(key);
                l.deletedWrites.computeIfAbsent(key, k -> new HashSet<>()).addAll(l.seenBy(d.node()));
            }
            case Deliver d when d.from() < nodes && d.to() < nodes -> {
                if (d.from() != d.to() && !c.isCut(d.from(), d.to())) l.seenBy(d.to()).addAll(l.seenBy(d.from()));
                c.deliver(d.from(), d.to(), DB);
            }
            case Cut x when x.a() < nodes && x.b() < nodes -> c.partition(x.a(), x.b());
            case Heal x when x.a() < nodes && x.b() < nodes -> c.heal(x.a(), x.b());
            case Crash x when x.node() < nodes -> c.crash(x.node());
            case Prune x when x.node() < nodes -> {
                Set<String> peers = new HashSet<>();
                for (int i = 0; i < nodes; i++) if (i != x.node()) peers.add(SimulatedCluster.name(i));
                var out = io.quire.server.prune.Maintenance.run(c.db(x.node(), DB), peers, false, 1);
                l.prunes.add(out.prunedAt() == null ? "nothing to prune" : out.borders() > 0 ? "pruned with borders" : "pruned at a cut");
            }
            default -> {
            }
        }
    }

    static void checkLedger(GitDatabase db, Ledger l) {
        for (String key : KEYS) {
            Optional<Document> d = db.get(DocumentId.of("item", key));
            if (l.deleted.contains(key)) {
                if (l.deletedWrites.getOrDefault(key, Set.of()).containsAll(l.tags.getOrDefault(key, Set.of())))
                    assertTrue(d.isEmpty(), key + " was deleted after every write to it, and came back: " + d.map(Document::data).orElse(null));
            } else if (l.increments.containsKey(key)) {
                assertTrue(d.isPresent(), key + ": acknowledged writes lost (document missing)");
                JsonNode data = d.get().data();
                assertEquals(l.increments.get(key).longValue(), data.path("hits").asLong(), key + ": counter lost increments");
                Set<String> tags = new TreeSet<>();
                data.path("tags").forEach(t -> tags.add(t.asText()));
                assertEquals(l.tags.get(key), tags, key + ": set lost elements");
                assertTrue(l.names.get(key).contains(data.path("name").asText()), key + ": lww invented a value");
            } else {
                assertTrue(d.isEmpty(), key + " exists but was never written");
            }
        }
    }

    static String heads(SimulatedCluster c) {
        List<String> h = new ArrayList<>();
        for (int i = 0; i < c.size; i++) h.add(c.db(i, DB) == null ? "-" : c.db(i, DB).head().substring(0, 8));
        return h.toString();
    }

    static void delete(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
