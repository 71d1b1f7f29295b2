package io.quire.mail.mime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays every message under {@code src/test/resources/imap/regressions/mime/} through the checks
 * {@link CorpusTest} applies to the corpus, with LF and CRLF line ends.
 */
class MimeRegressionReplayTest {

    static Stream<Path> messages() throws IOException {
        return Files.list(Path.of("src/test/resources/imap/regressions/mime")).sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void recordedMessageStillYieldsConsistentFetchData(Path message) throws IOException {
        byte[] bytes = Files.readAllBytes(message);
        CorpusTest.check(ParsedMessage.parse(bytes));
        CorpusTest.check(ParsedMessage.parse(Corpus.crlf(bytes)));
    }
}
