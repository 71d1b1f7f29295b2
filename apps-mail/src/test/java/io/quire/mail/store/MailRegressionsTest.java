package io.quire.mail.store;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays every committed counterexample of {@link MailReplicationProperties}
 * ({@code src/test/resources/regressions/mail-*.txt}: a {@code replicas N} line, then one
 * {@link MailOp} per line, {@code #} comments) through the same checks.
 */
class MailRegressionsTest {
    static {
        System.setProperty("quire.store.fsync", "false");
    }

    @TestFactory
    Stream<DynamicTest> everyCommittedCounterexampleNowPasses() throws IOException, URISyntaxException {
        Path dir = Path.of(MailRegressionsTest.class.getResource("/regressions").toURI());
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().matches("mail-.*\\.txt")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "the regressions directory holds the mail counterexamples");
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> replay(f)));
    }

    static void replay(Path file) throws IOException {
        int replicas = 2;
        List<MailOp> ops = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) continue;
            if (l.startsWith("replicas ")) replicas = Integer.parseInt(l.substring(9).strip());
            else ops.add(MailOp.parse(l));
        }
        try (MailHistory h = new MailHistory(replicas)) {
            h.run(ops);
        }
    }
}
