package io.quire.mail.imap.server;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every {@code src/test/resources/imap/transcripts/*.test} against a real server on 127.0.0.1, each on a fresh
 * real store (embedded Git node) with alice (password {@code secret}) and bob ({@code hunter2}) and their default
 * mailboxes (INBOX, Sent, Drafts, Trash, Junk, Archive).
 */
class TranscriptIT {

    @TestFactory
    Stream<DynamicTest> transcripts() throws IOException, URISyntaxException {
        Path dir = Path.of(TranscriptIT.class.getResource("/imap/transcripts").toURI());
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".test")).sorted().toList();
        }
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> run(f)));
    }

    private static void run(Path file) throws Exception {
        List<Transcript.Step> steps = Transcript.parse(Files.readString(file, StandardCharsets.UTF_8));
        try (RealMailStore store = RealMailStore.withTestUsers()) {
            for (Transcript.Step step : steps) {
                if (step instanceof Transcript.Seed seed) {
                    if (store.mail(seed.user()).mailbox(seed.mailbox()).isEmpty()) {
                        store.mail(seed.user()).create(seed.mailbox(), Optional.empty());
                    }
                    store.mail(seed.user()).append(seed.mailbox(), resource(seed.resource()),
                            Set.copyOf(seed.flags()), Instant.parse("2024-03-01T10:00:00Z"));
                }
            }
            try (TestServer server = TestServer.start(store.store(), TestServer.testOptions())) {
                Transcript.run(steps.stream().filter(s -> !(s instanceof Transcript.Seed)).toList(), server.port());
            }
        }
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = TranscriptIT.class.getResourceAsStream("/imap/messages/" + name)) {
            if (in == null) {
                throw new IOException("no resource /imap/messages/" + name);
            }
            return in.readAllBytes();
        }
    }
}
