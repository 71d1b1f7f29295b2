package io.quire.merge.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quire.merge.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SequenceRenumbererTest {
    static final ScopeKey INBOX = ScopeKey.of(Json.json("\"INBOX\""));

    @Test
    void twoMessagesGivenOneUidBothGetNewUidsAboveUidNextInDateOrder() {
        // Replica A delivered m-a as UID 7, replica B delivered m-b as UID 7; both had UIDNEXT 7.
        List<SequencedDocument> changed = List.of(
                new SequencedDocument("m-b", INBOX, 7, List.of(Json.json("\"2026-01-02\""))),
                new SequencedDocument("m-a", INBOX, 7, List.of(Json.json("\"2026-01-03\""))),
                new SequencedDocument("m-c", INBOX, 6, List.of(Json.json("\"2026-01-01\""))));
        Renumbering r = SequenceRenumberer.renumber(changed, Map.of(INBOX, 8L));
        assertEquals(Map.of("m-b", 8L, "m-a", 9L), r.newValues());
        assertEquals(Map.of(INBOX, 10L), r.counters());
    }

    @Test
    void aCounterBelowTheValuesInUseIsNotTrusted() {
        List<SequencedDocument> changed = List.of(new SequencedDocument("x", INBOX, 20, List.of()),
                new SequencedDocument("y", INBOX, 20, List.of()));
        Renumbering r = SequenceRenumberer.renumber(changed, Map.of(INBOX, 3L));
        assertEquals(Map.of("x", 21L, "y", 22L), r.newValues());
        assertEquals(23L, r.counters().get(INBOX));
    }
}
