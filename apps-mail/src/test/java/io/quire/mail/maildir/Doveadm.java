package io.quire.mail.maildir;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Dovecot's {@code doveadm} on one Maildir, with a private configuration (no running Dovecot, no
 * system config): for tests that have real Dovecot write or read a tree. Dovecot refuses to access
 * mail as root, so when the tests run as root the tree is handed to {@code nobody} (65534) with
 * {@link #handOver()} before doveadm touches it.
 */
public final class Doveadm {
    private static final DateTimeFormatter RECEIVED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    private final Path work;
    private final Path maildir;
    private final Path config;

    /** One message as {@code doveadm fetch} shows it; flags without Dovecot's per-session {@code \Recent}. */
    public record Fetched(String mailbox, long uid, TreeSet<String> flags, java.time.Instant received) {
    }

    private Doveadm(Path work, Path maildir, Path config) {
        this.work = work;
        this.maildir = maildir;
        this.config = config;
    }

    /** Whether doveadm is installed (Debian {@code dovecot-imapd} pulls in {@code dovecot-core}). */
    public static boolean installed() {
        return Files.isExecutable(Path.of("/usr/bin/doveadm"));
    }

    /** A configuration under {@code work} (which must be private to the test) for the tree at {@code maildir}. */
    public static Doveadm create(Path work, Path maildir) throws Exception {
        Files.createDirectories(work);
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        for (String dir : List.of("run", "state", "home")) Files.createDirectories(work.resolve(dir));
        String uid = ROOT ? "65534" : exec(work, List.of("id", "-u"), null).strip();
        String gid = ROOT ? "65534" : exec(work, List.of("id", "-g"), null).strip();
        Path config = Files.writeString(work.resolve("dovecot.conf"), """
                base_dir = %1$s/run
                state_dir = %1$s/state
                log_path = %1$s/dovecot.log
                ssl = no
                protocols =
                mail_location = maildir:%4$s
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
                """.formatted(work, uid, gid, maildir));
        return new Doveadm(work, maildir, config);
    }

    /** Gives the work directory and the tree to the user Dovecot runs as (only needed when running as root). */
    public Doveadm handOver() throws Exception {
        if (ROOT) {
            exec(work, List.of("chown", "-R", "65534:65534", work.toString()), null);
            if (!maildir.startsWith(work)) exec(work, List.of("chown", "-R", "65534:65534", maildir.toString()), null);
        }
        return this;
    }

    /** Runs {@code doveadm -c CONFIG args...}; fails the test on a non-zero exit. */
    public String run(String... args) throws Exception {
        return runWithInput(null, args);
    }

    /** As {@link #run}, with {@code stdin} fed to the process. */
    public String runWithInput(byte[] stdin, String... args) throws Exception {
        var command = new ArrayList<>(List.of("doveadm", "-c", config.toString()));
        command.addAll(List.of(args));
        return exec(work, command, stdin);
    }

    /** Every message of every mailbox: mailbox, UID, flags and INTERNALDATE, sorted. */
    public List<Fetched> fetchAll() throws Exception {
        List<Fetched> out = new ArrayList<>();
        for (String record : run("fetch", "mailbox uid flags date.received", "all").split("\f")) {
            if (record.isBlank()) continue;
            Map<String, String> fields = new HashMap<>();
            record.strip().lines().forEach(l -> fields.put(l.substring(0, l.indexOf(':')), l.substring(l.indexOf(':') + 1).strip()));
            var flags = new TreeSet<>(Arrays.asList(fields.get("flags").split(" ")));
            flags.remove("\\Recent");
            flags.remove("");
            out.add(new Fetched(fields.get("mailbox"), Long.parseLong(fields.get("uid")), flags,
                    LocalDateTime.parse(fields.get("date.received"), RECEIVED).toInstant(ZoneOffset.UTC)));
        }
        out.sort(java.util.Comparator.comparing(Fetched::mailbox).thenComparingLong(Fetched::uid));
        return out;
    }

    /** {@code doveadm mailbox status}: UIDVALIDITY and UIDNEXT of a mailbox. */
    public long[] uidState(String mailbox) throws Exception {
        Map<String, Long> v = new HashMap<>();
        for (String kv : run("mailbox", "status", "uidvalidity uidnext", mailbox).strip().split(" ")) {
            int eq = kv.indexOf('=');
            if (eq > 0) v.put(kv.substring(0, eq), Long.parseLong(kv.substring(eq + 1)));
        }
        return new long[]{v.get("uidvalidity"), v.get("uidnext")};
    }

    private static String exec(Path work, List<String> command, byte[] stdin) throws Exception {
        var pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("TZ", "UTC");
        pb.environment().put("USER", "test");
        pb.environment().put("HOME", work.resolve("home").toString());
        Process p = pb.start();
        if (stdin != null) {
            try (var in = p.getOutputStream()) {
                in.write(stdin);
            }
        } else {
            p.getOutputStream().close();
        }
        String out = new String(p.getInputStream().readAllBytes(), UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "timed out: " + command);
        assertEquals(0, p.exitValue(), command + ":\n" + out);
        return out;
    }

    /** Deletes a tree (a test's work directory). */
    public static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
