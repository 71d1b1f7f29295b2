package io.quire.mail.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.mail.store.UserMail.FlagChange;
import io.quire.mail.store.UserMail.NewMessage;
import io.quire.server.store.GitDatabases;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A large mailbox (100,000 messages; {@code -Dquire.mail.scale=N} for another size): a snapshot
 * costs nothing whatever the size (the target is well under 100 ms warm), appends and flag changes
 * cost what they change, and a change is found by diffing two snapshots. Prints what it measured.
 */
class MailStoreScaleTest {
    static final int N = Integer.getInteger("quire.mail.scale", 100_000);

    @Test
    void aHundredThousandMessageMailboxSnapshotsInMicrosecondsAndAppendsInMilliseconds() {
        Path dir = TempDirs.create("quire-scale");
        try (GitDatabases node = new GitDatabases(dir, "a")) {
            DatabaseUserMail mail = MailSchema.create(node, "big@example.org");
            long t0 = System.nanoTime();
            for (int done = 0; done < N; ) {
                List<NewMessage> batch = new ArrayList<>();
                for (int i = 0; i < 5000 && done < N; i++, done++)
                    batch.add(new NewMessage(("Subject: m" + done + "\r\n\r\nbody " + done + "\r\n").getBytes(StandardCharsets.US_ASCII),
                            Set.of(), Instant.ofEpochSecond(1_700_000_000L + done)));
                mail.appendAll("INBOX", batch);
            }
            double loadSeconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("loaded %,d messages in %.1f s%n", N, loadSeconds);

            double snapshotMicros = timeMicros(1000, () -> mail.snapshot("INBOX"));
            MailboxSnapshot before = mail.snapshot("INBOX");
            assertEquals(N, before.messages().size());

            double appendMillis = timeMicros(20, () -> mail.append("INBOX", "Subject: one\r\n\r\nx\r\n".getBytes(StandardCharsets.US_ASCII),
                    Set.of(), Instant.now())) / 1000;
            double storeMillis = timeMicros(20, () -> mail.store("INBOX", List.of((long) (N / 2)),
                    new FlagChange(FlagChange.Mode.REPLACE, Set.of("\\Seen", "k" + System.nanoTime())), OptionalLong.empty())) / 1000;
            MailboxSnapshot after = mail.snapshot("INBOX");
            long d0 = System.nanoTime();
            MailboxChanges c = MailboxChanges.between(before, after);
            double diffMillis = (System.nanoTime() - d0) / 1e6;
            assertEquals(21, c.added().size(), "twenty appends and the warm-up");
            assertEquals(1, c.changed().size());

            long b0 = System.nanoTime();
            DatabaseUserMail rebuilt = new DatabaseUserMail(mail.database(), "big@example.org");
            double rebuildSeconds = (System.nanoTime() - b0) / 1e9;
            assertEquals(after.messages(), rebuilt.snapshot("INBOX").messages());
            rebuilt.close();
            mail.close();

            System.out.printf("mail store at %,d messages: load %.1f s (batches of 5,000), snapshot %.2f µs, append %.1f ms, "
                            + "store %.1f ms, diff of two snapshots %.1f ms, index rebuilt from Git in %.1f s%n",
                    N, loadSeconds, snapshotMicros, appendMillis, storeMillis, diffMillis, rebuildSeconds);
            assertTrue(snapshotMicros < 100_000, "a snapshot takes well under 100 ms: " + snapshotMicros + " µs");
        } finally {
            TempDirs.delete(dir);
        }
    }

    private static double timeMicros(int times, Runnable r) {
        r.run(); // warm
        long t = System.nanoTime();
        for (int i = 0; i < times; i++) r.run();
        return (System.nanoTime() - t) / 1e3 / times;
    }
}
