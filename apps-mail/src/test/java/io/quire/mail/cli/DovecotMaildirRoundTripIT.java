package io.quire.mail.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quire.mail.app.MailNode;
import io.quire.mail.maildir.Doveadm;
import io.quire.mail.maildir.ImportResult;
import io.quire.mail.maildir.ImportedMessage;
import io.quire.mail.maildir.MaildirReader;
import io.quire.mail.smtp.Clients;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Maildir made by real Dovecot ({@code doveadm import} from an mbox, then a move, flag and keyword
 * changes, an expunge) goes through {@code import-maildir}, is looked at over IMAP (Python
 * imaplib), and comes back out through {@code export-maildir} for Dovecot to read again: UIDs with
 * their gaps, UIDVALIDITY, UIDNEXT, flags, keywords, internal dates and bodies must survive every
 * step. Skipped unless {@code doveadm} is installed (Debian {@code dovecot-imapd}).
 */
class DovecotMaildirRoundTripIT {
    static final String USER = "alice@example.org";
    /** Dovecot's Maildir++ folder separator is '.', Quire's hierarchy delimiter '/'. */
    static final Map<String, String> QUIRE_NAME = Map.of("INBOX", "INBOX", "Work.Reports", "Work/Reports");

    @TempDir
    Path dir;
    Path work;
    MailNode node;

    @AfterEach
    void stop() throws Exception {
        if (node != null) node.close();
        if (work != null) Doveadm.delete(work);
    }

    @Test
    void uidsUidValidityFlagsKeywordsAndDatesShouldSurviveImportImapAndExport() throws Exception {
        assumeTrue(Doveadm.installed(), "doveadm not installed");
        // Not under @TempDir: Dovecot runs as nobody when we are root and must be able to enter it.
        work = Files.createTempDirectory("quire-dovecot-roundtrip");
        Files.setPosixFilePermissions(work, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Path source = work.resolve("src/Maildir");
        Doveadm src = Doveadm.create(work.resolve("src"), source);
        StringBuilder mbox = new StringBuilder();
        for (int i = 1; i <= 12; i++)
            mbox.append("From a@remote.test Mon Jan %2d 10:%02d:00 2022\nFrom: a@remote.test\nSubject: m%d\n\nbody %d\n\n".formatted(i, i, i, i));
        Files.writeString(Files.createDirectories(work.resolve("src/mbox")).resolve("in.mbox"), mbox);
        src.handOver();
        src.run("import", "mbox:" + work.resolve("src/mbox") + ":INBOX=" + work.resolve("src/mbox/in.mbox"), "", "all");
        src.run("mailbox", "create", "Work.Reports");
        src.run("move", "Work.Reports", "mailbox", "INBOX", "uid", "8:10");
        src.run("flags", "add", "\\Seen $Label1 Work", "mailbox", "INBOX", "uid", "1:5");
        src.run("flags", "add", "\\Flagged \\Answered", "mailbox", "INBOX", "uid", "3");
        src.run("flags", "add", "\\Seen \\Deleted", "mailbox", "Work.Reports", "uid", "2");
        src.run("expunge", "mailbox", "INBOX", "uid", "12");
        src.run("mailbox", "subscribe", "Work.Reports");
        List<Doveadm.Fetched> expected = src.fetchAll();
        long[] inbox = src.uidState("INBOX"), reports = src.uidState("Work.Reports");
        assertEquals(11, expected.size(), expected.toString());
        assertEquals(13, inbox[1], "UIDNEXT stays above the expunged UID 12");

        node = MailNode.start(dir);
        assertEquals(201, node.createUser(USER, "pw").statusCode());
        var imported = CliErrorsTest.run(new ImportMaildirCommand(), target(USER, source.toString()));
        assertEquals(0, imported.exit(), imported.toString());
        assertTrue(imported.out().contains("kept the source UID of 11 of 11 messages\n"), imported.out());

        // The IMAP view: what a client that knew the Dovecot server sees.
        Map<String, long[]> boxes = new HashMap<>();
        List<Doveadm.Fetched> seen = new ArrayList<>();
        imapView(boxes, seen);
        assertEquals(expected, seen);
        assertArrayEquals(inbox, boxes.get("INBOX"), "INBOX UIDVALIDITY and UIDNEXT");
        assertArrayEquals(reports, boxes.get("Work.Reports"), "Work.Reports UIDVALIDITY and UIDNEXT");

        Path exported = work.resolve("exp/Maildir");
        var export = CliErrorsTest.run(new ExportMaildirCommand(), target(USER, exported.toString()));
        assertEquals(0, export.exit(), export.toString());
        Doveadm back = Doveadm.create(work.resolve("exp"), exported).handOver();
        assertEquals(expected, back.fetchAll());
        assertArrayEquals(inbox, back.uidState("INBOX"));
        assertArrayEquals(reports, back.uidState("Work.Reports"));
        assertTrue(back.run("mailbox", "list", "-s").lines().toList().contains("Work.Reports"), "subscription kept");
        Map<String, byte[]> before = bodies(source), after = bodies(exported);
        assertEquals(before.keySet(), after.keySet());
        before.forEach((k, v) -> assertArrayEquals(v, after.get(k), k));
    }

    String[] target(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--url", node.url(), "--token", MailNode.TOKEN));
        return all.toArray(String[]::new);
    }

    static final String IMAP = """
            import imaplib, re, sys
            m = imaplib.IMAP4("127.0.0.1", int(sys.argv[1]))
            m.login("alice@example.org", "pw")
            for box in sys.argv[2:]:
                typ, _ = m.select('"%s"' % box, readonly=True)
                assert typ == "OK", box
                print("BOX", box, m.untagged_responses["UIDVALIDITY"][0].decode(), m.untagged_responses["UIDNEXT"][0].decode())
                typ, data = m.uid("FETCH", "1:*", "(FLAGS INTERNALDATE)")
                for d in data:
                    if d is None: continue
                    s = d.decode()
                    uid = re.search(r"UID (\\d+)", s).group(1)
                    flags = re.search(r"FLAGS \\(([^)]*)\\)", s).group(1)
                    date = re.search(r'INTERNALDATE "([^"]+)"', s).group(1)
                    print("MSG", box, uid, date, flags, sep="|")
            m.logout()
            """;
    static final DateTimeFormatter INTERNALDATE = DateTimeFormatter.ofPattern("d-MMM-yyyy HH:mm:ss Z", Locale.ROOT);

    /** UIDVALIDITY/UIDNEXT by Dovecot mailbox name, and every message as Dovecot's names and shapes. */
    void imapView(Map<String, long[]> boxes, List<Doveadm.Fetched> seen) {
        List<String> args = new ArrayList<>(List.of(IMAP, String.valueOf(node.imap)));
        args.addAll(List.of("INBOX", "Work/Reports"));
        var r = Clients.python(args.get(0), args.subList(1, args.size()).toArray(String[]::new));
        assertEquals(0, r.exit(), r.all());
        Map<String, String> dovecotName = new HashMap<>();
        QUIRE_NAME.forEach((d, q) -> dovecotName.put(q, d));
        for (String line : r.stdout().lines().toList()) {
            if (line.startsWith("BOX ")) {
                String[] f = line.split(" ");
                boxes.put(dovecotName.get(f[1]), new long[]{Long.parseLong(f[2]), Long.parseLong(f[3])});
            } else if (line.startsWith("MSG|")) {
                String[] f = line.split("\\|", -1);
                TreeSet<String> flags = new TreeSet<>(List.of(f[4].split(" ")));
                flags.remove("\\Recent");
                flags.remove("");
                Instant date = ZonedDateTime.parse(f[3].strip(), INTERNALDATE).toInstant();
                seen.add(new Doveadm.Fetched(dovecotName.get(f[1]), Long.parseLong(f[2]), flags, date));
            }
        }
        seen.sort(java.util.Comparator.comparing(Doveadm.Fetched::mailbox).thenComparingLong(Doveadm.Fetched::uid));
    }

    /** Message bytes by "folder uid" (both trees have LF line ends: Dovecot's and the export's). */
    static Map<String, byte[]> bodies(Path root) throws Exception {
        Map<String, byte[]> out = new HashMap<>();
        try (var s = MaildirReader.open(root).messages()) {
            for (ImportResult r : s.toList()) {
                ImportedMessage m = ((ImportResult.Imported) r).message();
                out.put(m.folder() + " " + m.uid().orElseThrow(), m.raw());
            }
        }
        assertTrue(out.size() >= 11, out.keySet().toString());
        return out;
    }
}
