package io.quire.mail.maildir;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Has Dovecot's own {@code doveadm} read a tree written by {@link MaildirWriter}: folder names, subscriptions,
 * UIDs, UIDVALIDITY, flags, keywords and INTERNALDATE must come out as we meant them.
 *
 * <p>Optional: skipped unless {@code doveadm} is installed (Debian package {@code dovecot-imapd}, which pulls in
 * {@code dovecot-core}). Dovecot refuses to access mail as root, so when the tests run as root the tree is handed
 * to {@code nobody} (65534).
 */
class DovecotIT {

    private static final Instant T0 = Instant.parse("2023-11-14T22:13:20Z");
    private Path work;
    private Path maildir;
    private Path config;

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/doveadm")), "doveadm not installed");
        work = Files.createTempDirectory("dovecot-it");
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        maildir = work.resolve("Maildir");
        for (String dir : List.of("run", "state", "home")) {
            Files.createDirectories(work.resolve(dir));
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        String uid = root ? "65534" : run(List.of("id", "-u")).strip();
        String gid = root ? "65534" : run(List.of("id", "-g")).strip();
        config = Files.writeString(work.resolve("dovecot.conf"), """
                base_dir = %1$s/run
                state_dir = %1$s/state
                log_path = %1$s/dovecot.log
                ssl = no
                protocols =
                mail_location = maildir:%1$s/Maildir
                mail_uid = %2$s
                mail_gid = %3$s
                first_valid_uid = 1
                first_valid_gid = 1
                userdb {
                  driver = static
                  args = uid=%2$s gid=%3$s home=%1$s/home
                }
                passdb {
                  driver = static
                  args = password=unused
                }
                """.formatted(work, uid, gid));
    }

    @AfterEach
    void tearDown() throws IOException {
        if (work != null) {
            try (Stream<Path> walk = Files.walk(work)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
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
        if ("root".equals(System.getProperty("user.name"))) {
            run(List.of("chown", "-R", "65534:65534", work.toString()));
        }

        // Dovecot lists the parents implied by the hierarchy as well (\NoSelect), as Maildir++ intends.
        assertEquals(Set.of("INBOX", "Archiv", "Archiv.Entwürfe", "日本語", "日本語.Tom & Jerry"),
                Set.copyOf(doveadm("mailbox", "list").lines().toList()));
        assertEquals(List.of("INBOX", "Archiv.Entwürfe"), doveadm("mailbox", "list", "-s").lines().toList());
        assertEquals("INBOX messages=3 uidnext=13 uidvalidity=777",
                doveadm("mailbox", "status", "messages uidnext uidvalidity", "INBOX").strip());

        var fetched = new ArrayList<String>();
        for (String record : doveadm("fetch", "mailbox uid flags date.received", "all").split("\f")) {
            Map<String, String> fields = new java.util.HashMap<>();
            record.strip().lines().forEach(l -> fields.put(l.substring(0, l.indexOf(':')), l.substring(
                    l.indexOf(':') + 1).strip()));
            // Dovecot adds \Recent for every message its first session sees; that is its business, not ours.
            var flags = new TreeSet<>(Arrays.asList(fields.get("flags").split(" ")));
            flags.remove("\\Recent");
            flags.remove("");
            fetched.add(fields.get("mailbox") + " " + fields.get("uid") + " " + flags + " " + fields.get("date.received"));
        }
        fetched.sort(null);
        assertEquals(List.of(
                "Archiv.Entwürfe 1 [\\Draft, \\Seen] 2023-11-15 02:13:20",
                "INBOX 10 [$Junk, \\Seen] 2023-11-14 23:13:20",
                "INBOX 11 [Work, \\Answered, \\Flagged] 2023-11-15 00:13:20",
                "INBOX 12 [] 2023-11-15 01:13:20",
                "日本語.Tom & Jerry 1 [Work, \\Deleted] 2023-11-15 03:13:20"), fetched);

        String text = doveadm("fetch", "text", "mailbox", "INBOX", "uid", "11");
        assertTrue(text.contains("Subject: message 2\n\nbody 2\n"), text);
    }

    private String doveadm(String... args) throws Exception {
        var command = new ArrayList<>(List.of("doveadm", "-c", config.toString()));
        command.addAll(List.of(args));
        return run(command);
    }

    private String run(List<String> command) throws Exception {
        var pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("TZ", "UTC");
        pb.environment().put("USER", "test");
        if (work != null) {
            pb.environment().put("HOME", work.resolve("home").toString());
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "timed out: " + command);
        assertEquals(0, p.exitValue(), command + ":\n" + out);
        return out;
    }
}
