package io.quire.mail.mime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** BINARY[part] (RFC 3516): transfer decoding of part bodies. */
class BinaryContentTest {
    private static final String MSG = "Content-Type: multipart/mixed; boundary=b\r\n\r\n"
            + "--b\r\nContent-Transfer-Encoding: base64\r\n\r\nAGhp\r\nAP8=\r\n"
            + "--b\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\ncaf=C3=A9 =\r\nsoft\r\n"
            + "--b\r\nContent-Transfer-Encoding: 8bit\r\n\r\nraw\r\n"
            + "--b\r\nContent-Transfer-Encoding: x-uuencode\r\n\r\nbegin 644 x\r\n"
            + "--b--\r\n";

    private static BinaryContent binary(Integer... part) {
        return ParsedMessage.parse(MSG.getBytes(StandardCharsets.US_ASCII)).binary(List.of(part));
    }

    @Test
    void base64IsDecodedAcrossLinesAndMayHoldNul() {
        assertArrayEquals(new byte[] {0, 'h', 'i', 0, (byte) 0xff},
                assertInstanceOf(BinaryContent.Decoded.class, binary(1)).data());
    }

    @Test
    void quotedPrintableIsDecodedWithSoftLineBreaks() {
        assertEquals("café soft", new String(assertInstanceOf(BinaryContent.Decoded.class, binary(2)).data(),
                StandardCharsets.UTF_8));
    }

    @Test
    void identityEncodingsAreReturnedAsTheyAre() {
        assertEquals("raw", new String(assertInstanceOf(BinaryContent.Decoded.class, binary(3)).data(),
                StandardCharsets.US_ASCII));
    }

    @Test
    void unknownEncodingsAreReportedForUnknownCte() {
        assertEquals(new BinaryContent.UnknownEncoding("x-uuencode"), binary(4));
    }

    @Test
    void missingPartsAndTheWholeMessage() {
        assertEquals(new BinaryContent.NoSuchPart(), binary(9));
        assertEquals(MSG.length(), assertInstanceOf(BinaryContent.Decoded.class, binary()).data().length);
    }

    @Test
    void theCorpusUuencodedMessageIsUnknownCte() {
        ParsedMessage m = ParsedMessage.parse(Corpus.file("mail-gem/emails/error_emails/content_transfer_encoding_x_uuencode.eml"));
        BinaryContent first = m.binary(List.of(1));
        assertEquals(true, first instanceof BinaryContent.UnknownEncoding || first instanceof BinaryContent.Decoded, first.toString());
    }
}
