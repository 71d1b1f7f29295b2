package io.quire.mail.imap.server;

import static io.quire.mail.imap.server.RawImap.expectOk;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quire.mail.store.DatabaseUserMail;
import io.quire.mail.store.MailOptions;
import io.quire.mail.store.MailSchema;
import io.quire.mail.store.UserMail;
import io.quire.server.store.GitDatabase;
import io.quire.server.store.GitDatabases;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.URIish;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An IMAP session on one replica sees what a merge from another replica brings, while it idles: flag changes as
 * FETCH, and a UID the merge renumbered (ARCHITECTURE §4, "UID rule") as an EXPUNGE of the old number and an EXISTS
 * for the new UID, or as VANISHED for QRESYNC clients.
 *
 * <pre>
 *   n0: x(UID 1) ──┬── z(UID 2) ─────────────┬── merge ── repair: z, w → UIDs 3, 4
 *   n1:            └── flag x ── w(UID 2) ───┘
 * </pre>
 */
class ReplicaMergeIT {
    private static final String USER = TestServer.ALICE;
    private static final Duration WAIT = Duration.ofSeconds(5);

    Path root;
    GitDatabases n0;
    GitDatabases n1;
    GitDatabase db0;
    GitDatabase db1;
    DatabaseUserMail mail0;
    DatabaseUserMail mail1;
    TestServer server;

    @BeforeEach
    void replicas() throws Exception {
        root = Files.createTempDirectory("quire-imap-replicas");
        String name = MailSchema.databaseName(USER);
        n0 = new GitDatabases(root.resolve("n0"), "n0");
        db0 = n0.create(name, MailSchema.text());
        mail0 = new DatabaseUserMail(db0, USER, MailOptions.defaults().withNode("n0"));
        mail0.ensureDefaults();
        n1 = new GitDatabases(root.resolve("n1"), "n1");
        db1 = n1.adoptReplica(name, repo -> fetch(repo, db0, "+refs/heads/main:refs/heads/main"));
        mail1 = new DatabaseUserMail(db1, USER, MailOptions.defaults().withNode("n1"));
        server = TestServer.start(new OneUserStore(mail0, "secret"), TestServer.testOptions());
    }

    @AfterEach
    void close() throws Exception {
        server.close();
        mail0.close();
        mail1.close();
        n0.close();
        n1.close();
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void mergedFlagChangesAndRenumberedUidsReachAnIdlingSession() throws Exception {
        mail0.append("INBOX", message("x"), Set.of(), Instant.parse("2026-01-01T00:00:00Z"));
        pull(db1, db0);
        try (RawImap imap = new RawImap(server.port()).login(USER, "secret")) {
            expectOk(imap.command("SELECT INBOX"));
            imap.send("i1 IDLE");
            imap.await("\\+ idling", WAIT);

            mail1.store("INBOX", List.of(1L), new UserMail.FlagChange(UserMail.FlagChange.Mode.ADD,
                    Set.of("\\Flagged")), OptionalLong.empty());
            pull(db0, db1);
            imap.await("\\* 1 FETCH \\(FLAGS \\(\\\\Flagged\\)\\)", WAIT);

            mail0.append("INBOX", message("z"), Set.of(), Instant.parse("2026-01-03T00:00:00Z"));
            imap.await("\\* 2 EXISTS", WAIT);
            mail1.append("INBOX", message("w"), Set.of(), Instant.parse("2026-01-02T00:00:00Z"));
            pull(db0, db1);
            imap.await("\\* 2 EXPUNGE", WAIT);
            imap.await("\\* 3 EXISTS", WAIT);

            imap.send("DONE");
            imap.await("i1 OK IDLE terminated", WAIT);
            List<String> uids = expectOk(imap.command("FETCH 1:* (UID)"));
            assertEquals(List.of("* 1 FETCH (UID 1)", "* 2 FETCH (UID 3)", "* 3 FETCH (UID 4)"),
                    uids.subList(0, 3), "both colliding messages renumbered above both UIDNEXTs");
        }
    }

    @Test
    void qresyncClientsSeeTheRenumberedUidVanish() throws Exception {
        mail0.append("INBOX", message("x"), Set.of(), Instant.parse("2026-01-01T00:00:00Z"));
        try (RawImap imap = new RawImap(server.port()).login(USER, "secret")) {
            expectOk(imap.command("ENABLE QRESYNC"));
            expectOk(imap.command("SELECT INBOX"));
            imap.send("i1 IDLE");
            imap.await("\\+ idling", WAIT);
            mail1.append("INBOX", message("y"), Set.of(), Instant.parse("2026-01-02T00:00:00Z"));
            pull(db0, db1);
            imap.await("\\* VANISHED 1", WAIT);
            imap.await("\\* 2 EXISTS", WAIT);
            imap.send("DONE");
            imap.await("i1 OK IDLE terminated", WAIT);
        }
    }

    private static byte[] message(String subject) {
        return ("Subject: " + subject + "\r\n\r\n" + subject + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** A real Git fetch of {@code from}'s main into {@code into}, then the deterministic merge. */
    private static void pull(GitDatabase into, GitDatabase from) throws IOException {
        String ref = "refs/remotes/peer/main";
        fetch(into.repository(), from, "+refs/heads/main:" + ref);
        Ref r = into.repository().exactRef(ref);
        into.integrate(r.getObjectId(), null);
    }

    private static void fetch(Repository into, GitDatabase from, String spec) throws IOException {
        try (Transport t = Transport.open(into, new URIish(from.repository().getDirectory().toURI().toString()))) {
            t.fetch(NullProgressMonitor.INSTANCE, List.of(new RefSpec(spec)));
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
    }
}
