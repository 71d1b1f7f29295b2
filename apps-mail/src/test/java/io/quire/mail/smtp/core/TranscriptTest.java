package io.quire.mail.smtp.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Replays every {@code src/test/resources/smtp/*.txt} transcript, re-fed in many chunkings. */
class TranscriptTest {

    @TestFactory
    Stream<DynamicNode> transcriptsShouldGiveTheSameRepliesInEveryChunking() throws IOException, URISyntaxException {
        Path dir = Path.of(TranscriptTest.class.getResource("/smtp").toURI());
        List<Path> files;
        try (var list = Files.list(dir)) {
            files = list.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        var nodes = new ArrayList<DynamicNode>();
        for (Path file : files) {
            Transcript t = Transcript.load(file);
            var tests = new ArrayList<DynamicTest>();
            Chunkings.of(t.client()).forEach((name, chunks) ->
                    tests.add(DynamicTest.dynamicTest(name, () -> assertEquals(t.server(), run(t, chunks)))));
            if (t.client().length <= 600) {
                tests.add(DynamicTest.dynamicTest("every two-way split", () -> {
                    for (List<byte[]> chunks : Chunkings.twoWaySplits(t.client())) {
                        assertEquals(t.server(), run(t, chunks));
                    }
                }));
            }
            nodes.add(DynamicContainer.dynamicContainer(t.name(), tests));
        }
        return nodes.stream();
    }

    private static String run(Transcript t, List<byte[]> chunks) {
        var driver = new SessionDriver(t.config());
        for (byte[] chunk : chunks) {
            driver.feed(chunk);
        }
        return driver.output();
    }
}
