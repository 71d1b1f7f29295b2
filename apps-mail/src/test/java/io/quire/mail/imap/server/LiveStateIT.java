package io.quire.mail.imap.server;

import static io.quire.mail.imap.server.RawImap.expectOk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.mail.store.UserMail;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Live state over the real store: what a second session does (STORE, APPEND, EXPUNGE, DELETE, RENAME) reaches a
 * first session's IDLE within a second, expunges wait while FETCH, STORE and SEARCH run, and QRESYNC clients get
 * VANISHED.
 */
class LiveStateIT {
    private static final Duration SECOND = Duration.ofSeconds(1);

    RealMailStore store;
    TestServer server;

    @BeforeEach
    void start() throws Exception {
        store = RealMailStore.withTestUsers();
        server = TestServer.start(store.store(), TestServer.testOptions());
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        store.close();
    }

    private RawImap alice() throws Exception {
        return new RawImap(server.port()).login(TestServer.ALICE, TestServer.ALICE_PASSWORD);
    }

    private static byte[] message(String subject) {
        return ("Subject: " + subject + "\r\n\r\n" + subject + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void anotherSessionsAppendStoreAndExpungeShowUpInIdleWithinASecond() throws Exception {
        try (RawImap idler = alice(); RawImap other = alice()) {
            expectOk(idler.command("SELECT INBOX"));
            idler.send("i1 IDLE");
            idler.await("\\+ idling", SECOND);

            expectOk(other.command("APPEND INBOX {13+}\r\nSubject: one\r\n"));
            idler.await("\\* 1 EXISTS", SECOND);

            expectOk(other.command("SELECT INBOX"));
            expectOk(other.command("STORE 1 +FLAGS (\\Flagged)"));
            idler.await("\\* 1 FETCH \\(FLAGS \\(\\\\Flagged\\)\\)", SECOND);

            expectOk(other.command("STORE 1 +FLAGS.SILENT (\\Deleted)"));
            idler.await("\\* 1 FETCH \\(FLAGS \\(\\\\Flagged \\\\Deleted\\)\\)", SECOND);
            expectOk(other.command("EXPUNGE"));
            idler.await("\\* 1 EXPUNGE", SECOND);

            idler.send("DONE");
            assertEquals("i1 OK IDLE terminated", idler.await("i1 .*", SECOND).getLast());
            assertEquals(1, expectOk(idler.command("NOOP")).size(), "nothing is reported twice");
        }
    }

    @Test
    void deliveryThroughTheStoreWakesIdleToo() throws Exception {
        try (RawImap idler = alice()) {
            expectOk(idler.command("SELECT INBOX"));
            idler.send("i1 IDLE");
            idler.await("\\+ idling", SECOND);
            store.mail(TestServer.ALICE).append("INBOX", message("delivered"), Set.of(), Instant.now());
            idler.await("\\* 1 EXISTS", SECOND);
            idler.send("DONE");
            idler.await("i1 OK IDLE terminated", SECOND);
        }
    }

    @Test
    void expungesWaitWhileFetchStoreAndSearchRunAndComeWithTheNextCommand() throws Exception {
        UserMail mail = store.mail(TestServer.ALICE);
        mail.append("INBOX", message("a"), Set.of(), Instant.now());
        mail.append("INBOX", message("b"), Set.of("\\Deleted"), Instant.now());
        mail.append("INBOX", message("c"), Set.of(), Instant.now());
        try (RawImap first = alice(); RawImap other = alice()) {
            expectOk(first.command("SELECT INBOX"));
            expectOk(other.command("SELECT INBOX"));
            expectOk(other.command("EXPUNGE"));

            List<String> fetch = expectOk(first.command("FETCH 1:3 (UID FLAGS)"));
            assertTrue(fetch.stream().noneMatch(l -> l.contains("EXPUNGE")), fetch.toString());
            assertTrue(fetch.contains("* 2 FETCH (UID 2 FLAGS (\\Deleted))"), "the expunged message keeps its number: "
                    + fetch);
            List<String> search = expectOk(first.command("SEARCH ALL"));
            assertTrue(search.contains("* SEARCH 1 2 3"), search.toString());
            List<String> storeLines = expectOk(first.command("STORE 3 +FLAGS (\\Seen)"));
            assertTrue(storeLines.stream().noneMatch(l -> l.contains("EXPUNGE")), storeLines.toString());

            List<String> noop = expectOk(first.command("NOOP"));
            assertEquals(List.of("* 2 EXPUNGE", noop.getLast()), noop);
            List<String> after = expectOk(first.command("FETCH 1:* (UID)"));
            assertEquals(List.of("* 1 FETCH (UID 1)", "* 2 FETCH (UID 3)"), after.subList(0, 2));
        }
    }

    @Test
    void uidCommandsMayReportExpungesAtOnce() throws Exception {
        UserMail mail = store.mail(TestServer.ALICE);
        mail.append("INBOX", message("a"), Set.of("\\Deleted"), Instant.now());
        mail.append("INBOX", message("b"), Set.of(), Instant.now());
        try (RawImap first = alice()) {
            expectOk(first.command("SELECT INBOX"));
            mail.expunge("INBOX", Optional.empty());
            List<String> lines = expectOk(first.command("UID FETCH 1:* (FLAGS)"));
            assertTrue(lines.contains("* 1 EXPUNGE"), lines.toString());
        }
    }

    @Test
    void qresyncClientsSeeVanishedInIdle() throws Exception {
        UserMail mail = store.mail(TestServer.ALICE);
        mail.append("INBOX", message("a"), Set.of("\\Deleted"), Instant.now());
        mail.append("INBOX", message("b"), Set.of(), Instant.now());
        try (RawImap idler = alice()) {
            expectOk(idler.command("ENABLE QRESYNC"));
            expectOk(idler.command("SELECT INBOX"));
            idler.send("i1 IDLE");
            idler.await("\\+ idling", SECOND);
            mail.store("INBOX", List.of(2L), new UserMail.FlagChange(UserMail.FlagChange.Mode.ADD, Set.of("$Seen2")),
                    java.util.OptionalLong.empty());
            idler.await("\\* FLAGS \\(.*\\$Seen2\\)", SECOND);
            idler.await("\\* 2 FETCH \\(UID 2 FLAGS \\(\\$Seen2\\) MODSEQ \\(\\d+\\)\\)", SECOND);
            mail.expunge("INBOX", Optional.empty());
            idler.await("\\* VANISHED 1", SECOND);
            idler.send("DONE");
            idler.await("i1 OK IDLE terminated", SECOND);
        }
    }

    @Test
    void aRenameElsewhereKeepsTheSelectionAndADeleteEndsItWithBye() throws Exception {
        UserMail mail = store.mail(TestServer.ALICE);
        mail.create("Work", Optional.empty());
        try (RawImap idler = alice()) {
            expectOk(idler.command("SELECT Work"));
            idler.send("i1 IDLE");
            idler.await("\\+ idling", SECOND);
            mail.rename("Work", "Job");
            mail.append("Job", message("x"), Set.of(), Instant.now());
            idler.await("\\* 1 EXISTS", SECOND);
            idler.send("DONE");
            idler.await("i1 OK IDLE terminated", SECOND);
            List<String> status = expectOk(idler.command("FETCH 1 (UID)"));
            assertEquals("* 1 FETCH (UID 1)", status.getFirst());
            idler.send("i2 IDLE");
            idler.await("\\+ idling", SECOND);
            mail.delete("Job");
            idler.await("\\* BYE .*", SECOND);
            assertEquals("EOF", idler.readLine());
        }
    }
}
