package io.quire.mail.imap.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.mail.imap.session.FlagSets;
import io.quire.mail.imap.protocol.Flag;
import io.quire.mail.smtp.Clients;
import io.quire.mail.store.MailboxSnapshot;
import io.quire.mail.store.UserMail;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mbsync} (isync) syncs a user's mailboxes to a local Maildir and back, with flag changes, new messages,
 * expunges and new folders on both sides, over the real store. Needs the Debian package {@code isync}.
 */
class MbsyncIT {
    @TempDir
    Path dir;
    RealMailStore store;
    TestServer server;
    UserMail mail;

    @BeforeEach
    void start() throws Exception {
        store = RealMailStore.withTestUsers();
        server = TestServer.start(store.store(), TestServer.testOptions());
        mail = store.mail(TestServer.ALICE);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        store.close();
    }

    private static byte[] message(String subject) {
        return ("From: someone@example.net\r\nTo: alice@example.org\r\nSubject: " + subject
                + "\r\nMessage-ID: <" + subject + "@example.net>\r\n\r\n" + subject + " body\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void twoWaySyncCarriesMessagesFlagsExpungesAndFolders() throws Exception {
        mail.append("INBOX", message("first"), Set.of("\\Seen"), Instant.parse("2024-01-01T10:00:00Z"));
        mail.append("INBOX", message("second"), Set.of(), Instant.parse("2024-01-02T10:00:00Z"));
        mail.create("Work", Optional.empty());
        mail.append("Work", message("work"), Set.of("\\Flagged"), Instant.parse("2024-01-03T10:00:00Z"));
        Path maildir = dir.resolve("mail");
        Path rc = writeConfig(maildir);

        sync(rc);
        assertEquals(List.of("S", ""), flags(maildir.resolve("INBOX")), "first: Seen; second: none");
        assertEquals(List.of("F"), flags(maildir.resolve("Work")));
        assertTrue(Files.isDirectory(maildir.resolve("Sent").resolve("cur")), "the default mailboxes came too");

        // Local side: flag "second", trash "first", a new message in Work, a new folder with a message.
        rename(maildir.resolve("INBOX"), "second", "F");
        rename(maildir.resolve("INBOX"), "first", "ST");
        deliverLocally(maildir.resolve("Work"), "local-note", "S");
        deliverLocally(maildir.resolve("LocalOnly"), "local-only", "");
        // Server side: a new message and \Answered on the Work message.
        mail.append("INBOX", message("third"), Set.of(), Instant.parse("2024-01-04T10:00:00Z"));
        mail.store("Work", List.of(1L), new UserMail.FlagChange(UserMail.FlagChange.Mode.ADD, Set.of("\\Answered")),
                OptionalLong.empty());

        sync(rc);
        MailboxSnapshot inbox = mail.snapshot("INBOX");
        assertEquals(List.of("second", "third"), subjects(inbox), "first was trashed locally and expunged");
        assertTrue(FlagSets.has(inbox.messages().getFirst().flags(), Flag.FLAGGED), inbox.toString());
        assertEquals(List.of("work", "local-note"), subjects(mail.snapshot("Work")));
        assertTrue(FlagSets.has(mail.snapshot("Work").messages().get(1).flags(), Flag.SEEN));
        assertEquals(List.of("local-only"), subjects(mail.snapshot("LocalOnly")), "Create Both made the folder");
        assertEquals(List.of("F", ""), flags(maildir.resolve("INBOX")), "second flagged, third new; first gone");
        assertEquals(List.of("FR", "S"), flags(maildir.resolve("Work")), "\\Answered arrived as R");

        long commits = mail.snapshot("INBOX").mailbox().highestModseq();
        sync(rc);
        assertEquals(commits, mail.snapshot("INBOX").mailbox().highestModseq(), "a third run changes nothing");
        assertEquals(List.of("F", ""), flags(maildir.resolve("INBOX")));
    }

    private void sync(Path rc) {
        Clients.Result r = Clients.run(List.of("mbsync", "-c", rc.toString(), "-a"));
        assertEquals(0, r.exit(), r.all());
    }

    private Path writeConfig(Path maildir) throws IOException {
        Files.createDirectories(maildir);
        Path rc = dir.resolve("mbsyncrc");
        Files.writeString(rc, """
                IMAPAccount quire
                Host 127.0.0.1
                Port %d
                User alice@example.org
                Pass secret
                SSLType None
                AuthMechs LOGIN

                IMAPStore remote
                Account quire

                MaildirStore local
                Path %s/
                Inbox %s/INBOX
                SubFolders Verbatim

                Channel sync
                Far :remote:
                Near :local:
                Patterns *
                Sync All
                Create Both
                Expunge Both
                SyncState *
                """.formatted(server.port(), maildir, maildir));
        return rc;
    }

    /** The Maildir flags of each message of a folder, in the order of their subjects' first appearance. */
    private static List<String> flags(Path folder) throws IOException {
        try (Stream<Path> s = Stream.concat(Files.list(folder.resolve("cur")), Files.list(folder.resolve("new")))) {
            return s.sorted((a, b) -> Long.compare(date(a), date(b))).map(p -> {
                String n = p.getFileName().toString();
                int i = n.indexOf(":2,");
                return i < 0 ? "" : n.substring(i + 3);
            }).toList();
        }
    }

    /** Orders local files by the message's position: the subject's number in {@link #ORDER}. */
    private static long date(Path p) {
        for (int i = 0; i < ORDER.size(); i++) {
            if (hasSubject(p, ORDER.get(i))) {
                return i;
            }
        }
        return ORDER.size();
    }

    private static final List<String> ORDER = List.of("first", "second", "third", "work", "local-note", "local-only");

    private static void rename(Path folder, String subject, String newFlags) throws IOException {
        try (Stream<Path> s = Stream.concat(Files.list(folder.resolve("cur")), Files.list(folder.resolve("new")))) {
            Path file = s.filter(p -> hasSubject(p, subject)).findFirst().orElseThrow();
            String n = file.getFileName().toString();
            String base = n.contains(":2,") ? n.substring(0, n.indexOf(":2,")) : n;
            Files.move(file, folder.resolve("cur").resolve(base + ":2," + newFlags));
        }
    }

    /** Whether a Maildir file has this subject; mbsync stores LF line ends locally (it converts to CRLF). */
    private static boolean hasSubject(Path file, String subject) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII).replace("\r\n", "\n")
                    .contains("Subject: " + subject + "\n");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deliverLocally(Path folder, String subject, String flags) throws IOException {
        for (String sub : List.of("cur", "new", "tmp")) {
            Files.createDirectories(folder.resolve(sub));
        }
        String name = System.currentTimeMillis() / 1000 + ".M" + subject.hashCode() + "P1.test:2," + flags;
        Files.writeString(folder.resolve("cur").resolve(name),
                new String(message(subject), StandardCharsets.US_ASCII).replace("\r\n", "\n"));
    }

    private List<String> subjects(MailboxSnapshot s) {
        return s.messages().stream().map(e -> {
            String text = new String(mail.body(e), StandardCharsets.US_ASCII);
            int at = text.indexOf("Subject: ");
            return text.substring(at + 9, text.indexOf("\r\n", at));
        }).toList();
    }
}
