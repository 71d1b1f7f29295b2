package io.quire.mail.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ImportRequestTest {
    static ImportRequest parse(String json) {
        return ImportRequest.parse(MailNode.json(json));
    }

    @Test
    void aBatchShouldReadWithCanonicalFlagsAndWithoutRecent() {
        ImportRequest r = parse("""
                {"mailboxes": [{"name": "inbox/Sub", "subscribed": true}],
                 "messages": [{"mailbox": "Archive/2024", "flags": ["\\\\SEEN", "\\\\Recent", "$Label1"],
                               "internalDate": "2024-05-01T10:00:00Z", "raw": "SGk=", "uid": 7, "uidValidity": 9},
                              {"mailbox": "INBOX", "raw": "SGk=", "internalDate": 1700000000}]}
                """);
        assertEquals("INBOX/Sub", r.mailboxes().get(0).name());
        assertTrue(r.mailboxes().get(0).subscribed());
        ImportRequest.Message m = r.messages().get(0);
        assertEquals(Set.of("\\Seen", "$Label1"), m.flags());
        assertEquals(Instant.parse("2024-05-01T10:00:00Z"), m.internalDate());
        assertArrayEquals("Hi".getBytes(StandardCharsets.US_ASCII), m.raw());
        assertEquals(OptionalLong.of(7), m.sourceUid());
        assertEquals(Instant.ofEpochSecond(1_700_000_000), r.messages().get(1).internalDate());
    }

    @Test
    void sourceUidStateShouldBeReadForMailboxesAndMessages() {
        ImportRequest r = parse("""
                {"mailboxes": [{"name": "Archive", "uidValidity": 1700000000, "uidNext": 25}, {"name": "Plain"}],
                 "messages": [{"mailbox": "Archive", "raw": "SGk=", "uid": 7, "uidValidity": 1700000000},
                              {"mailbox": "Archive", "raw": "SGk=", "uid": 8}]}
                """);
        assertEquals(new ImportRequest.Folder("Archive", false, 1_700_000_000L, 25), r.mailboxes().get(0));
        assertEquals(new ImportRequest.Folder("Plain", false, 0, 0), r.mailboxes().get(1));
        assertEquals(OptionalLong.of(1_700_000_000L), r.messages().get(0).sourceUidValidity());
        assertEquals(OptionalLong.empty(), r.messages().get(1).sourceUidValidity(), "a UID without its UIDVALIDITY means nothing");
    }

    @Test
    void uidValuesOutsideRfc3501RangeShouldBeRefused() {
        assertDetail("mailboxes[0].uidValidity", "{\"mailboxes\":[{\"name\":\"A\",\"uidValidity\":0}]}");
        assertDetail("mailboxes[0].uidNext", "{\"mailboxes\":[{\"name\":\"A\",\"uidValidity\":1,\"uidNext\":4294967296}]}");
        assertDetail("only meaningful with uidValidity", "{\"mailboxes\":[{\"name\":\"A\",\"uidNext\":5}]}");
        assertDetail("messages[0].uid", "{\"messages\":[{\"mailbox\":\"INBOX\",\"raw\":\"SGk=\",\"uid\":-1}]}");
        assertDetail("messages[0].uidValidity", "{\"messages\":[{\"mailbox\":\"INBOX\",\"raw\":\"SGk=\",\"uid\":1,\"uidValidity\":\"x\"}]}");
    }

    @Test
    void badBatchesShouldBeRefusedNamingTheField() {
        assertDetail("messages[0].raw", "{\"messages\":[{\"mailbox\":\"INBOX\",\"raw\":\"***\"}]}");
        assertDetail("messages[0].mailbox", "{\"messages\":[{\"raw\":\"SGk=\"}]}");
        assertDetail("messages[0].mailbox", "{\"messages\":[{\"mailbox\":\"a//b\",\"raw\":\"SGk=\"}]}");
        assertDetail("unknown system flag", "{\"messages\":[{\"mailbox\":\"INBOX\",\"raw\":\"SGk=\",\"flags\":[\"\\\\Bogus\"]}]}");
        assertDetail("not an IMAP keyword", "{\"messages\":[{\"mailbox\":\"INBOX\",\"raw\":\"SGk=\",\"flags\":[\"a b\"]}]}");
        assertDetail("internalDate", "{\"messages\":[{\"mailbox\":\"INBOX\",\"raw\":\"SGk=\",\"internalDate\":\"yesterday\"}]}");
        assertDetail("messages: expected an array", "{\"messages\":{}}");
        assertDetail("expected a JSON object", "[]");
    }

    static void assertDetail(String expected, String json) {
        var e = assertThrows(ApiProblems.BadRequest.class, () -> parse(json));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
