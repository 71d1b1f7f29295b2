package io.quire.mail.maildir;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Has Dovecot's own {@code doveadm} read a tree written by {@link MaildirWriter}: folder names, subscriptions,
 * UIDs, UIDVALIDITY, flags, keywords and INTERNALDATE must come out as we meant them.
 *
 * <p>Optional: skipped unless {@code doveadm} is installed (Debian package {@code dovecot-imapd}, which pulls in
 * {@code dovecot-core}); see {@link Doveadm} for how it runs.
 */
class DovecotIT {

    private static final Instant T0 = Instant.parse("2023-11-14T22:13:20Z");
    private Path work;
    private Path maildir;

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(Doveadm.installed(), "doveadm not installed");
        // Not under @TempDir: Dovecot runs as nobody when we are root and must be able to enter it.
        work = Files.createTempDirectory("dovecot-it");
        maildir = work.resolve("Maildir");
    }

    @AfterEach
    void tearDown() throws Exception {
        if (work != null) {
            Doveadm.delete(work);
        }
    }

    private static ImportedMessage message(String folder, int n, Set<String> flags) {
        return ImportedMessage.of(folder, ("From: alice@example.org\nSubject: message " + n + "\n\nbody " + n + "\n")
                .getBytes(UTF_8), flags, T0.plusSeconds(3600L * n));
    }

    @Test
    void doveadmShouldSeeFoldersUidsFlagsKeywordsAndDatesAsWritten() throws Exception {
        try (var writer = MaildirWriter.create(maildir, new MaildirWriter.Options(LineEnding.LF, "test"))) {
            writer.write(message("INBOX", 1, Set.of("\\Seen", "$Junk")).withUid(10, 777));
            writer.write(message("INBOX", 2, Set.of("\\Answered", "\\Flagged", "Work")).withUid(11, 777));
            writer.write(message("INBOX", 3, Set.of("\\Recent")));
            writer.write(message("Archiv/Entwürfe", 4, Set.of("\\Draft", "\\Seen")));
            writer.write(message("日本語/Tom & Jerry", 5, Set.of("\\Deleted", "Work")));
            writer.subscribe("INBOX");
            writer.subscribe("Archiv/Entwürfe");
        }
        Doveadm doveadm = Doveadm.create(work, maildir).handOver();

        // Dovecot lists the parents implied by the hierarchy as well (\NoSelect), as Maildir++ intends.
        assertEquals(Set.of("INBOX", "Archiv", "Archiv.Entwürfe", "日本語", "日本語.Tom & Jerry"),
                Set.copyOf(doveadm.run("mailbox", "list").lines().toList()));
        assertEquals(List.of("INBOX", "Archiv.Entwürfe"), doveadm.run("mailbox", "list", "-s").lines().toList());
        assertEquals("INBOX messages=3 uidnext=13 uidvalidity=777",
                doveadm.run("mailbox", "status", "messages uidnext uidvalidity", "INBOX").strip());

        // Dovecot adds \Recent for every message its first session sees; that is its business, not ours.
        List<String> fetched = doveadm.fetchAll().stream()
                .map(f -> f.mailbox() + " " + f.uid() + " " + f.flags() + " " + f.received()).sorted().toList();
        assertEquals(List.of(
                "Archiv.Entwürfe 1 [\\Draft, \\Seen] 2023-11-15T02:13:20Z",
                "INBOX 10 [$Junk, \\Seen] 2023-11-14T23:13:20Z",
                "INBOX 11 [Work, \\Answered, \\Flagged] 2023-11-15T00:13:20Z",
                "INBOX 12 [] 2023-11-15T01:13:20Z",
                "日本語.Tom & Jerry 1 [Work, \\Deleted] 2023-11-15T03:13:20Z"), fetched);

        String text = doveadm.run("fetch", "text", "mailbox", "INBOX", "uid", "11");
        assertTrue(text.contains("Subject: message 2\n\nbody 2\n"), text);
    }
}
