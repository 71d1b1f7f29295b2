package io.quire.mail.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.mail.store.UserMail.FlagChange;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The per-message mail rules of ARCHITECTURE.md §4 between two replicas that change one message
 * concurrently, over random inputs: flags merge flag by flag, an expunge beats any flag change, two
 * moves leave the message in one mailbox, and mail delivered into a mailbox deleted elsewhere is
 * kept in Recovered.
 */
class MailRulesProperties {
    static {
        System.setProperty("quire.store.fsync", "false");
    }

    static final List<String> FLAGS = List.of("\\Seen", "\\Flagged", "\\Answered", "$Work");
    static final List<String> TARGETS = List.of("INBOX", "Archive", "Trash", "Junk");

    record Change(boolean add, Set<String> flags) {
    }

    @Provide
    Arbitrary<Set<String>> flagSets() {
        return Arbitraries.of(FLAGS).set().ofMaxSize(FLAGS.size());
    }

    @Provide
    Arbitrary<List<Change>> changes() {
        return net.jqwik.api.Combinators.combine(Arbitraries.of(true, false), flagSets()).as(Change::new).list().ofMaxSize(3);
    }

    private static byte[] msg() {
        return "Subject: m\r\n\r\nm\r\n".getBytes(StandardCharsets.US_ASCII);
    }

    private static Set<String> apply(Set<String> flags, List<Change> changes) {
        TreeSet<String> s = new TreeSet<>(flags);
        for (Change c : changes) if (c.add()) s.addAll(c.flags()); else s.removeAll(c.flags());
        return s;
    }

    @Property(tries = 500)
    void concurrentFlagChangesMergeFlagByFlag(@ForAll("flagSets") Set<String> base, @ForAll("changes") List<Change> onA,
                                              @ForAll("changes") List<Change> onB) {
        try (Replicas r = new Replicas(2)) {
            r.mail(0).append("INBOX", msg(), base, Instant.now());
            r.pull(1, 0);
            for (int side = 0; side < 2; side++)
                for (Change c : side == 0 ? onA : onB)
                    r.mail(side).store("INBOX", List.of(1L), new FlagChange(c.add() ? FlagChange.Mode.ADD : FlagChange.Mode.REMOVE, c.flags()),
                            OptionalLong.empty());
            assertTrue(r.settle(4));
            Set<String> a = apply(base, onA), b = apply(base, onB);
            Set<String> expected = new TreeSet<>();
            for (String f : FLAGS) { // per flag: the side that changed it decides (both changed: they agree)
                boolean was = base.contains(f), x = a.contains(f), y = b.contains(f);
                if (x == was ? y : x) expected.add(f);
            }
            for (DatabaseUserMail m : r.mails) assertEquals(expected, m.snapshot("INBOX").byUid(1).orElseThrow().flags());
        }
    }

    @Property(tries = 500)
    void anExpungeBeatsAConcurrentFlagChange(@ForAll("changes") List<Change> onB, @ForAll boolean expungeFirst) {
        try (Replicas r = new Replicas(2)) {
            r.mail(0).append("INBOX", msg(), Set.of(), Instant.now());
            r.pull(1, 0);
            Runnable expunge = () -> {
                r.mail(0).store("INBOX", List.of(1L), new FlagChange(FlagChange.Mode.ADD, Set.of("\\Deleted")), OptionalLong.empty());
                r.mail(0).expunge("INBOX", Optional.empty());
            };
            if (expungeFirst) expunge.run();
            for (Change c : onB)
                r.mail(1).store("INBOX", List.of(1L), new FlagChange(c.add() ? FlagChange.Mode.ADD : FlagChange.Mode.REMOVE, c.flags()),
                        OptionalLong.empty());
            if (!expungeFirst) expunge.run();
            assertTrue(r.settle(4));
            for (DatabaseUserMail m : r.mails) {
                assertTrue(m.snapshot("INBOX").messages().isEmpty());
                assertEquals(List.of(1L), m.vanishedSince("INBOX", 0));
            }
        }
    }

    @Property(tries = 500)
    void twoConcurrentMovesLeaveTheMessageInExactlyOneOfTheTargets(@ForAll @IntRange(max = 3) int toA, @ForAll @IntRange(max = 3) int toB) {
        try (Replicas r = new Replicas(2)) {
            String id = r.mail(0).append("INBOX", msg(), Set.of("\\Seen"), Instant.now()).messageId();
            r.pull(1, 0);
            r.mail(0).move("INBOX", List.of(1L), TARGETS.get(toA));
            r.mail(1).move("INBOX", List.of(1L), TARGETS.get(toB));
            assertTrue(r.settle(4));
            for (DatabaseUserMail m : r.mails) {
                List<String> places = m.mailboxes().stream()
                        .filter(i -> m.snapshot(i.name()).messages().stream().anyMatch(e -> e.id().equals(id))).map(MailboxInfo::name).toList();
                assertEquals(1, places.size(), "in one mailbox: " + places);
                assertTrue(places.get(0).equals(TARGETS.get(toA)) || places.get(0).equals(TARGETS.get(toB)));
            }
        }
    }

    @Property(tries = 500)
    void mailDeliveredIntoAMailboxDeletedElsewhereIsKeptInRecovered(@ForAll @IntRange(max = 3) int before,
                                                                   @ForAll @IntRange(min = 1, max = 3) int during,
                                                                   @ForAll @Size(max = 3) List<@IntRange(max = 1) Integer> deliverers) {
        try (Replicas r = new Replicas(2, List.of("Lists"))) {
            for (int i = 0; i < before; i++) r.mail(0).append("Lists", msg(), Set.of(), Instant.now());
            r.pull(1, 0);
            r.mail(0).delete("Lists");
            List<String> late = new java.util.ArrayList<>();
            for (int i = 0; i < during; i++) late.add(r.mail(1).append("Lists", msg(), Set.of(), Instant.ofEpochSecond(i)).messageId());
            for (int who : deliverers) r.mail(who).append("INBOX", msg(), Set.of(), Instant.now()); // unrelated traffic
            assertTrue(r.settle(4), "converge: " + r.heads());
            for (DatabaseUserMail m : r.mails) {
                assertTrue(m.mailbox("Lists").isEmpty(), "the delete wins for the mailbox");
                assertEquals(late, m.snapshot("Recovered").messages().stream().map(MessageEntry::id).toList(),
                        "what was delivered meanwhile is in Recovered, in delivery order");
            }
        }
    }
}
