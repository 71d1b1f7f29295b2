package io.quire.mail.imap.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class MailboxNameTest {

    private static MailboxName wire(String s, boolean utf8) {
        return MailboxName.fromWire(s.getBytes(StandardCharsets.UTF_8), utf8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"inbox", "INBOX", "InBoX"})
    void inboxIsCaseInsensitive(String name) {
        assertEquals(MailboxName.INBOX, new MailboxName(name));
        assertTrue(new MailboxName(name).isInbox());
    }

    @Test
    void inboxIsNormalisedAsTheFirstSegmentOfAChild() {
        assertEquals("INBOX/Drafts", new MailboxName("inbox/Drafts").name());
        assertEquals("Inboxes", new MailboxName("Inboxes").name());
    }

    @Test
    void decodesModifiedUtf7UnlessUtf8IsAccepted() {
        assertEquals("Entwürfe", wire("Entw&APw-rfe", false).name());
        assertEquals("Entw&APw-rfe", wire("Entw&APw-rfe", true).name());
        assertEquals("Entwürfe", wire("Entwürfe", true).name());
        assertArrayEquals("Entw&APw-rfe".getBytes(StandardCharsets.US_ASCII), new MailboxName("Entwürfe").toWire(false));
    }

    @Test
    void refusesEightBitWithoutUtf8AcceptAndInvalidUtf8WithIt() {
        assertEquals(ResponseStatus.BAD, assertThrows(ProtocolException.class, () -> wire("Entwürfe", false)).status());
        assertThrows(ProtocolException.class,
                () -> MailboxName.fromWire(new byte[] {'a', (byte) 0xc3}, true));
    }

    static Stream<Arguments> unsafeNames() {
        return Stream.of(
                Arguments.of("a\u0000b", ResponseStatus.BAD), Arguments.of("a\rb", ResponseStatus.BAD),
                Arguments.of("a\nb", ResponseStatus.BAD), Arguments.of("a\u007fb", ResponseStatus.BAD),
                Arguments.of("", ResponseStatus.NO), Arguments.of("/a", ResponseStatus.NO),
                Arguments.of("a/", ResponseStatus.NO), Arguments.of("a//b", ResponseStatus.NO),
                Arguments.of("a/../b", ResponseStatus.NO), Arguments.of("..", ResponseStatus.NO),
                Arguments.of("a/.", ResponseStatus.NO), Arguments.of("./a", ResponseStatus.NO));
    }

    @ParameterizedTest
    @MethodSource("unsafeNames")
    void refusesUnsafeNames(String name, ResponseStatus status) {
        ProtocolException e = assertThrows(ProtocolException.class, () -> new MailboxName(name));
        assertEquals(status, e.status());
    }

    @Test
    void refusesNamesLongerThan512Octets() {
        new MailboxName("é".repeat(256));
        ProtocolException e = assertThrows(ProtocolException.class, () -> new MailboxName("é".repeat(257)));
        assertEquals(Optional.of(ResponseCode.Plain.LIMIT), e.code());
    }

    @Test
    void wildcardsAreAllowedInExistingNamesButNotInNewOnes() {
        MailboxName odd = new MailboxName("100%");
        ProtocolException e = assertThrows(ProtocolException.class, odd::requireCreatable);
        assertEquals(Optional.of(ResponseCode.Plain.CANNOT), e.code());
        assertThrows(ProtocolException.class, () -> new MailboxName("a*").requireCreatable());
    }

    @Test
    void knowsItsSegmentsAndParent() {
        MailboxName name = new MailboxName("Archive/2024/Q1");
        assertEquals(List.of("Archive", "2024", "Q1"), name.segments());
        assertEquals(Optional.of(new MailboxName("Archive/2024")), name.parent());
        assertEquals(Optional.empty(), MailboxName.INBOX.parent());
    }
}
