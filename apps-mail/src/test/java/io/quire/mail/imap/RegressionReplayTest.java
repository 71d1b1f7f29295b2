package io.quire.mail.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quire.mail.imap.parse.CommandParser;
import io.quire.mail.imap.parse.ParseOptions;
import io.quire.mail.imap.protocol.ReceiverConfig;
import io.quire.mail.imap.protocol.ReceiverEvent;
import io.quire.mail.imap.protocol.Request;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays every input under {@code src/test/resources/imap/regressions/wire/} (style guide §5: every shrunk
 * counterexample or crashing input is committed and replayed). Each file holds raw client octets; they must
 * give the same events in every chunking, every request must parse without an exception, and when a
 * {@code .expected} file sits next to it, the events must be the ones it lists (as {@link Wire#describe}
 * prints them, one per line).
 */
class RegressionReplayTest {
    static final Path DIR = Path.of("src/test/resources/imap/regressions");

    static Stream<Path> wireInputs() throws IOException {
        return Files.list(DIR.resolve("wire")).filter(p -> p.toString().endsWith(".txt")).sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wireInputs")
    void recordedWireInputStillBehaves(Path input) throws IOException {
        byte[] bytes = Files.readAllBytes(input);
        Path expectedFile = Path.of(input.toString().replace(".txt", ".expected"));
        List<String> expected = Files.exists(expectedFile)
                ? Files.readAllLines(expectedFile, StandardCharsets.ISO_8859_1)
                : Wire.describeAll(ReceiverConfig.DEFAULT, bytes);
        List<ReceiverEvent> events = Wire.assertEveryChunking(ReceiverConfig.DEFAULT, bytes, expected);
        for (ReceiverEvent e : events) {
            if (e instanceof Request r) {
                CommandParser.parse(r, ParseOptions.DEFAULT);
                CommandParser.parse(r, new ParseOptions(true));
            }
        }
        assertEquals(expected.size(), events.size());
    }
}
