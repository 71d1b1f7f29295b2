package io.quire.mail.mime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The FETCH example of RFC 3501 §6.4.5 / RFC 9051 §6.4.5, rebuilt: a message with the example's header and
 * a body of exactly 3028 octets in 92 lines must give the example's ENVELOPE and BODY.
 */
class Rfc3501ExampleTest {
    private static final String HEADER = """
            Date: Wed, 17 Jul 1996 02:23:25 -0700 (PDT)\r
            From: Terry Gray <gray@cac.washington.edu>\r
            Subject: IMAP4rev1 WG mtg summary and minutes\r
            To: imap@cac.washington.edu\r
            cc: minutes@CNRI.Reston.VA.US, John Klensin <KLENSIN@MIT.EDU>\r
            Message-Id: <B27397-0100000@cac.washington.edu>\r
            MIME-Version: 1.0\r
            Content-Type: TEXT/PLAIN; CHARSET=US-ASCII\r
            \r
            """;

    private static byte[] message() {
        StringBuilder body = new StringBuilder();
        // 84 lines of 31 characters and 8 of 30, each with CRLF: 84*33 + 8*32 = 3028 octets in 92 lines.
        for (int i = 0; i < 92; i++) {
            body.append(i < 84 ? "a" : "").append("x".repeat(30)).append("\r\n");
        }
        return (HEADER + body).getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void envelopeMatchesTheRfcExample() {
        assertEquals("(\"Wed, 17 Jul 1996 02:23:25 -0700 (PDT)\" \"IMAP4rev1 WG mtg summary and minutes\" "
                + "((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) ((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) "
                + "((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) ((NIL NIL \"imap\" \"cac.washington.edu\")) "
                + "((NIL NIL \"minutes\" \"CNRI.Reston.VA.US\")(\"John Klensin\" NIL \"KLENSIN\" \"MIT.EDU\")) NIL NIL "
                + "\"<B27397-0100000@cac.washington.edu>\")", Render.envelope(ParsedMessage.parse(message()).envelope()));
    }

    @Test
    void bodyMatchesTheRfcExample() {
        ParsedMessage m = ParsedMessage.parse(message());
        assertEquals("(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 3028 92)",
                Render.bodyStructure(m.bodyStructure(), false));
        assertEquals("(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 3028 92 NIL NIL NIL NIL)",
                Render.bodyStructure(m.bodyStructure(), true));
    }
}
