package io.quire.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.sdk.DocumentId;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ARCHITECTURE.md §5.6: a kill -9 at any point leaves a repository that opens, passes stock
 * {@code git fsck}, and holds every acknowledged write. A child JVM writes with 16 threads and
 * reports each acknowledgement; it is killed with SIGKILL at a random moment, three times.
 */
class CrashSafetyIT {
    @TempDir
    Path dir;

    @Test
    void aSigkillLosesNoAcknowledgedWriteAndLeavesAValidRepository() throws Exception {
        Random random = new Random(42);
        Map<String, Integer> acked = new HashMap<>();
        int base = 0;
        for (int round = 0; round < 3; round++) {
            String java = ProcessHandle.current().info().command().orElse("java");
            Process p = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                    CrashWriter.class.getName(), dir.toString(), Integer.toString(base)))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            long killAt = 0;
            int seenThisRound = 0;
            // A writer that stops acknowledging (e.g. a database wedged by a stale lock) must fail
            // the test, not hang it: kill it after a minute and say so.
            AtomicBoolean stalled = new AtomicBoolean();
            Process victim = p;
            Thread watchdog = Thread.ofVirtual().start(() -> {
                try {
                    if (!victim.waitFor(60, TimeUnit.SECONDS)) {
                        stalled.set(true);
                        victim.destroyForcibly();
                    }
                } catch (InterruptedException ignored) {
                    // the round ended normally
                }
            });
            List<String> lines = new ArrayList<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.equals("ready")) {
                        killAt = System.currentTimeMillis() + 300 + random.nextInt(1500);
                        continue;
                    }
                    if (line.startsWith("ack ")) {
                        String[] w = line.split(" ");
                        acked.merge(w[1], Integer.parseInt(w[2]), Math::max);
                        seenThisRound++;
                        base = Math.max(base, Integer.parseInt(w[2]));
                    }
                    if (killAt > 0 && System.currentTimeMillis() >= killAt) {
                        p.destroyForcibly(); // SIGKILL, while writes are in flight
                        break;
                    }
                    lines.add(line);
                }
            }
            p.waitFor();
            watchdog.interrupt();
            assertTrue(!stalled.get(), "round " + round + ": the writer stopped acknowledging writes for a minute");
            assertTrue(seenThisRound > 0, "the writer acknowledged writes before it was killed");
            base += 1_000_000; // later rounds write larger values, so "newest acknowledged" stays well defined

            try (GitDatabases dbs = new GitDatabases(dir, "checker")) {
                GitDatabase db = dbs.get("crash");
                for (Map.Entry<String, Integer> e : acked.entrySet()) {
                    int stored = db.get(DocumentId.of("doc", e.getKey())).orElseThrow(() ->
                            new AssertionError("acknowledged document " + e.getKey() + " is missing")).data().get("v").asInt();
                    assertTrue(stored >= e.getValue(), e.getKey() + ": stored " + stored + " < acknowledged " + e.getValue());
                }
                Process fsck = new ProcessBuilder("git", "--git-dir", db.repository().getDirectory().getPath(), "fsck", "--strict")
                        .redirectErrorStream(true).start();
                String out = new String(fsck.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertEquals(0, fsck.waitFor(), out);
            }
        }
    }
}
