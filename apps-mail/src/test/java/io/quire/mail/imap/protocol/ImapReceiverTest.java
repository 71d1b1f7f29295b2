package io.quire.mail.imap.protocol;

import static io.quire.mail.imap.Wire.assertEveryChunking;
import static io.quire.mail.imap.Wire.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.mail.imap.Wire;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Table tests of raw wire text through {@link ImapReceiver}, each re-fed in every chunking. */
class ImapReceiverTest {

    private static final ReceiverConfig SMALL = ReceiverConfig.DEFAULT.withMaxLineBytes(64)
            .withLiteralLimits(100, 10, 150);

    static Stream<Arguments> wellFormed() {
        return Stream.of(
                Arguments.of("a1 NOOP\r\n", List.of("a1 NOOP")),
                Arguments.of("a1 noop\r\n", List.of("a1 NOOP")),
                Arguments.of("a1 NOOP\r\na2 CAPABILITY\r\n", List.of("a1 NOOP", "a2 CAPABILITY")),
                Arguments.of("a1 NOOP\n", List.of("a1 NOOP")),
                Arguments.of("\r\n\r\na1 NOOP\r\n", List.of("a1 NOOP")),
                Arguments.of("A001.x] NOOP\r\n", List.of("A001.x] NOOP")),
                Arguments.of("a1 LOGIN \"joe\" \"p\\\"w\\\\d\"\r\n", List.of("a1 LOGIN \"joe\" \"p\"w\\d\"")),
                Arguments.of("a1 LOGIN \"\" \"\"\r\n", List.of("a1 LOGIN \"\" \"\"")),
                Arguments.of("a1 LOGIN {3}\r\njoe {2}\r\npw\r\n",
                        List.of("+literal a1 LOGIN 3", "+literal a1 LOGIN 2", "a1 LOGIN {3}joe {2}pw")),
                Arguments.of("a1 LOGIN {3+}\r\njoe pw\r\n", List.of("+literal a1 LOGIN 3 nonsync", "a1 LOGIN {3}joe pw")),
                Arguments.of("a1 LOGIN {0}\r\n {0+}\r\n\r\n",
                        List.of("+literal a1 LOGIN 0", "+literal a1 LOGIN 0 nonsync", "a1 LOGIN {0} {0}")),
                Arguments.of("a1 APPEND INBOX (\\Seen) {9}\r\nab\r\n(c)\")\r\n",
                        List.of("+literal a1 APPEND 9", "a1 APPEND INBOX (\\Seen) {9}ab\r\n(c)\")")),
                Arguments.of("a1 APPEND INBOX ~{3}\r\na\0b\r\n",
                        List.of("+literal a1 APPEND 3 binary", "a1 APPEND INBOX ~{3}a\0b")),
                Arguments.of("a1 FETCH 1:* (FLAGS BODY.PEEK[HEADER.FIELDS (FROM TO)]<0.100>)\r\n",
                        List.of("a1 FETCH 1:* (FLAGS BODY.PEEK[HEADER.FIELDS (FROM TO) ]<0.100>)")),
                Arguments.of("a1 UID STORE 1,3:5 +FLAGS.SILENT (\\Seen $Junk)\r\n",
                        List.of("a1 UID STORE 1,3:5 +FLAGS.SILENT (\\Seen $Junk)")),
                Arguments.of("a1 LIST () \"\" (\"*\" %)\r\n", List.of("a1 LIST () \"\" (\"*\" %)")),
                Arguments.of("a1 SELECT \"caf\u00e9\"\r\n", List.of("a1 SELECT \"caf\ufffd\"")),
                Arguments.of("a1 SEARCH OR (FROM {3}\r\nbob) TO al\r\n",
                        List.of("+literal a1 SEARCH 3", "a1 SEARCH OR (FROM {3}bob) TO al")),
                Arguments.of("a1 IDLE\r\nDONE\r\na2 NOOP\r\n", List.of("a1 IDLE", "LINE DONE", "a2 NOOP")),
                Arguments.of("a1 AUTHENTICATE PLAIN\r\nAGpvZQBwdw==\r\na2 NOOP\r\n",
                        List.of("a1 AUTHENTICATE PLAIN", "LINE AGpvZQBwdw==", "a2 NOOP")),
                Arguments.of("a1 AUTHENTICATE PLAIN AGpvZQBwdw==\r\na2 NOOP\r\n",
                        List.of("a1 AUTHENTICATE PLAIN AGpvZQBwdw==", "a2 NOOP")),
                Arguments.of("a1 IDLE\r\n{5}\r\n", List.of("a1 IDLE", "LINE {5}")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wellFormed")
    void wellFormedInputYieldsTheSameEventsInEveryChunking(String wire, List<String> expected) {
        assertEveryChunking(ReceiverConfig.DEFAULT, bytes(wire), expected);
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of(" NOOP\r\n", "BAD * Missing tag"),
                Arguments.of("a1\r\n", "BAD a1 Missing command"),
                Arguments.of("a1 \r\n", "BAD a1 Missing command"),
                Arguments.of("a+1 NOOP\r\n", "BAD * Invalid character in tag"),
                Arguments.of("* NOOP\r\n", "BAD * Invalid character in tag"),
                Arguments.of("+ NOOP\r\n", "BAD * Invalid character in tag"),
                Arguments.of("a1 NO\"OP\r\n", "BAD a1 Invalid character in command name"),
                Arguments.of("a1 FETCH 1 (FLAGS\r\n", "BAD a1 Unbalanced '('"),
                Arguments.of("a1 FETCH 1 FLAGS)\r\n", "BAD a1 Unbalanced ')'"),
                Arguments.of("a1 FETCH 1 ((FLAGS)\r\n", "BAD a1 Unbalanced '('"),
                Arguments.of("a1 LOGIN jo\0e x\r\n", "BAD a1 NUL octet in a command line"),
                Arguments.of("a1 LOGIN \"jo\0e\" x\r\n", "BAD a1 NUL octet in a quoted string"),
                Arguments.of("a1 SELECT caf\u00e9\r\n", "BAD a1 8-bit octet outside a quoted string or literal"),
                Arguments.of("a1 SELECT \u00e9\r\n", "BAD a1 8-bit octet outside a quoted string or literal"),
                Arguments.of("a1 SELECT a\tb\r\n", "BAD a1 Control character 0x9 in a command line"),
                Arguments.of("a1 LOGIN \"joe\r\n", "BAD a1 Unterminated quoted string"),
                Arguments.of("a1 LOGIN \"joe\n", "BAD a1 Unterminated quoted string"),
                Arguments.of("a1 LOGIN \"a\\x\" b\r\n", "BAD a1 Invalid escape in a quoted string"),
                Arguments.of("a1 LOGIN \"a\"\"b\"\r\n", "BAD a1 Missing space after a string"),
                Arguments.of("a1 LOGIN {abc}\r\n", "BAD a1 Missing literal size"),
                Arguments.of("a1 LOGIN {}\r\n", "BAD a1 Missing literal size"),
                Arguments.of("a1 LOGIN {3x}\r\n", "BAD a1 Invalid literal size"),
                Arguments.of("a1 LOGIN {3+x}\r\n", "BAD a1 Invalid literal size"),
                Arguments.of("a1 LOGIN {3} x\r\n", "BAD a1 Literal size must be followed by CRLF"),
                Arguments.of("a1 LOGIN {3}\rx\r\n", "BAD a1 CR not followed by LF"),
                Arguments.of("a1 LOGIN {1234567890123456789}\r\n", "BAD a1 Literal size too large"),
                Arguments.of("a1 LOGIN a{3}\r\n", "BAD a1 Unexpected '{' inside an atom"),
                Arguments.of("a1 LOGIN a\"b\" c\r\n", "BAD a1 Unexpected '\"' inside an atom"),
                Arguments.of("a1 NOOP\rX\r\n", "BAD a1 CR not followed by LF"),
                Arguments.of("\rX\r\n", "BAD * CR not followed by LF"),
                Arguments.of("a1 X \0 {5+}\r\nhello\r\n", "BAD a1 NUL octet in a command line"),
                Arguments.of("a1 X \0 {9+}\r\na3 NOOP\r\n\r\n", "BAD a1 NUL octet in a command line"),
                Arguments.of("a1 X \0 ~{9+}\r\na3 NOOP\r\n\r\n", "BAD a1 NUL octet in a command line"),
                Arguments.of("a1 X \0 {5}\r\n", "BAD a1 NUL octet in a command line"),
                Arguments.of("a1 X (" + "(".repeat(64) + ")\r\n", "BAD a1 Parentheses nested too deeply"),
                Arguments.of("a1 " + "N".repeat(40) + "\r\n", "BAD a1 Command name too long"),
                Arguments.of("a".repeat(129) + " NOOP\r\n", "BAD * Tag longer than 128 characters"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedInputIsBadAndTheReceiverContinuesWithTheNextCommand(String wire, String expected) {
        List<ReceiverEvent> events = assertEveryChunking(ReceiverConfig.DEFAULT, bytes(wire + "z9 NOOP\r\n"),
                List.of(expected, "z9 NOOP"));
        assertInstanceOf(Bad.class, events.getFirst());
    }

    static Stream<Arguments> oversized() {
        return Stream.of(
                Arguments.of("a1 LOGIN " + "x".repeat(60) + "\r\n", List.of("TOOBIG a1 LINE")),
                Arguments.of("a1 LOGIN " + "x".repeat(60) + " {3+}\r\nabc\r\n", List.of("TOOBIG a1 LINE")),
                Arguments.of("a".repeat(70) + "\r\n", List.of("TOOBIG * LINE")),
                Arguments.of("a1 LOGIN {11}\r\n", List.of("TOOBIG a1 LITERAL")),
                Arguments.of("a1 LOGIN {11+}\r\nhello world\r\n", List.of("TOOBIG a1 LITERAL")),
                Arguments.of("a1 LOGIN {11+}\r\nhello world {3+}\r\nabc\r\n", List.of("TOOBIG a1 LITERAL")),
                Arguments.of("a1 APPEND INBOX {20}\r\n" + "m".repeat(20) + "\r\n",
                        List.of("+literal a1 APPEND 20", "a1 APPEND INBOX {20}" + "m".repeat(20))),
                Arguments.of("a1 APPEND INBOX {101+}\r\n" + "m".repeat(101) + "\r\n", List.of("TOOBIG a1 LITERAL")),
                Arguments.of("a1 APPEND INBOX {80+}\r\n" + "m".repeat(80) + " {80+}\r\n" + "n".repeat(80) + "\r\n",
                        List.of("+literal a1 APPEND 80 nonsync", "TOOBIG a1 REQUEST")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oversized")
    void oversizedInputIsTooBigAndTheReceiverContinuesWithTheNextCommand(String wire, List<String> expected) {
        List<String> withNext = new java.util.ArrayList<>(expected);
        withNext.add("z9 NOOP");
        assertEveryChunking(SMALL, bytes(wire + "z9 NOOP\r\n"), withNext);
    }

    @Test
    void literalMinusRefusesNonSynchronizingLiteralsOver4096Octets() {
        ReceiverConfig minus = ReceiverConfig.DEFAULT.withLiteralMode(ReceiverConfig.LiteralMode.LITERAL_MINUS);
        String ok = "a1 APPEND INBOX {4096+}\r\n" + "m".repeat(4096) + "\r\n";
        String big = "a2 APPEND INBOX {4097+}\r\n" + "m".repeat(4097) + "\r\n";
        String sync = "a3 APPEND INBOX {4097}\r\n" + "m".repeat(4097) + "\r\n";
        List<ReceiverEvent> events = assertEveryChunking(minus, bytes(ok + big + sync + "z9 NOOP\r\n"), List.of(
                "+literal a1 APPEND 4096 nonsync", "a1 APPEND INBOX {4096}" + "m".repeat(4096),
                "TOOBIG a2 LITERAL",
                "+literal a3 APPEND 4097", "a3 APPEND INBOX {4097}" + "m".repeat(4097),
                "z9 NOOP"));
        assertEquals(ReceiverConfig.LITERAL_MINUS_MAX, ((TooBig) events.get(2)).limit());
    }

    @Test
    void withoutLiteralPlusANonSynchronizingLiteralIsBadAndItsDataSkipped() {
        ReceiverConfig sync = ReceiverConfig.DEFAULT.withLiteralMode(ReceiverConfig.LiteralMode.SYNC_ONLY);
        assertEveryChunking(sync, bytes("a1 LOGIN {3+}\r\nabc x\r\nz9 NOOP\r\n"),
                List.of("BAD a1 Non-synchronizing literals are not supported", "z9 NOOP"));
    }

    @Test
    void anOverlongContinuationLineIsTooBigAndSkippedWithoutLookingForLiterals() {
        ReceiverConfig small = ReceiverConfig.DEFAULT.withMaxLineBytes(16);
        assertEveryChunking(small, bytes("a1 IDLE\r\n" + "x".repeat(20) + " {3+}\r\nz9 NOOP\r\n"),
                List.of("a1 IDLE", "TOOBIG * LINE", "z9 NOOP"));
    }

    @Test
    void literalBytesArriveExactlyWhateverTheChunking() {
        byte[] message = new byte[300_000];
        for (int i = 0; i < message.length; i++) {
            message[i] = (byte) (i * 31 + 7);
        }
        ImapReceiver receiver = new ImapReceiver();
        receiver.feed(bytes("a1 APPEND INBOX ~{" + message.length + "}\r\n"));
        NeedLiteral announced = (NeedLiteral) receiver.next();
        assertEquals(message.length, announced.size());
        assertInstanceOf(NeedMore.class, receiver.next());
        for (int off = 0; off < message.length; off += 997) {
            receiver.feed(message, off, Math.min(997, message.length - off));
            assertInstanceOf(NeedMore.class, receiver.next());
        }
        receiver.feed(Buffer.buffer("\r\n"));
        Request request = (Request) receiver.next();
        assertArrayEquals(message, ((Token.Str) request.args().get(1)).bytes());
    }

    @Test
    void inputAfterStarttlsStaysBufferedUntilTheSessionDiscardsIt() {
        ImapReceiver receiver = new ImapReceiver();
        receiver.feed(bytes("a1 STARTTLS\r\na2 LOGIN joe secret\r\n"));
        assertEquals("STARTTLS", ((Request) receiver.next()).command());
        assertTrue(receiver.isBetweenCommands());
        assertEquals("a2 LOGIN joe secret\r\n".length(), receiver.bufferedBytes());
        receiver.discardBuffered();
        assertInstanceOf(NeedMore.class, receiver.next());
    }

    @Test
    void continuationModeCannotStartInTheMiddleOfACommand() {
        ImapReceiver receiver = new ImapReceiver();
        receiver.feed(bytes("a1 LOGIN {3}\r\n"));
        assertInstanceOf(NeedLiteral.class, receiver.next());
        assertThrows(IllegalStateException.class, receiver::expectContinuationLine);
    }

    @Test
    void aCancelledAuthenticationIsRecognised() {
        ImapReceiver receiver = new ImapReceiver();
        receiver.expectContinuationLine();
        receiver.feed(bytes("*\r\n"));
        ContinuationLine line = (ContinuationLine) receiver.next();
        assertTrue(line.isCancel());
        receiver.expectContinuationLine();
        receiver.feed(bytes("done\n"));
        assertTrue(((ContinuationLine) receiver.next()).isDone());
    }

    @Test
    void eventsOfOneFeedAreIndependentOfHowManyCommandsItHolds() {
        String wire = "a1 NOOP\r\n".repeat(500);
        assertEquals(500, Wire.describeAll(ReceiverConfig.DEFAULT, bytes(wire)).size());
    }
}
