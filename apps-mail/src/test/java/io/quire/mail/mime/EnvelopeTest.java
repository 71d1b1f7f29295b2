package io.quire.mail.mime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EnvelopeTest {

    private static String envelope(String message) {
        return Render.envelope(ParsedMessage.parse(message.getBytes(StandardCharsets.UTF_8)).envelope());
    }

    @Test
    void senderAndReplyToDefaultToFromWhenAbsentOrEmpty() {
        assertEquals("(NIL NIL ((NIL NIL \"a\" \"b.test\")) ((NIL NIL \"a\" \"b.test\")) ((NIL NIL \"a\" \"b.test\")) NIL NIL NIL NIL NIL)",
                envelope("From: a@b.test\r\nSender:\r\n\r\n"));
        assertEquals("(NIL NIL ((NIL NIL \"a\" \"b.test\")) ((NIL NIL \"s\" \"b.test\")) ((NIL NIL \"r\" \"b.test\")) NIL NIL NIL NIL NIL)",
                envelope("From: a@b.test\r\nSender: s@b.test\r\nReply-To: r@b.test\r\n\r\n"));
    }

    @Test
    void fieldsAreUnfoldedButNotDecoded() {
        assertEquals("(\"Mon, 7 Feb 1994 21:52:25 -0800\" \"=?ISO-8859-1?Q?Caf=E9?= and\tmore\" NIL NIL NIL NIL NIL NIL "
                        + "\"<a@b>\" \"<c@d>\")",
                envelope("Date: Mon, 7 Feb 1994\r\n 21:52:25 -0800\r\nSubject:   =?ISO-8859-1?Q?Caf=E9?= and\r\n\tmore  \r\n"
                        + "In-Reply-To: <a@b>\r\nMessage-ID: <c@d>\r\n\r\nbody"));
    }

    @Test
    void theFirstOfRepeatedFieldsCountsAndNamesAreCaseInsensitive() {
        assertEquals("(NIL \"one\" ((NIL NIL \"x\" \"y\")) ((NIL NIL \"x\" \"y\")) ((NIL NIL \"x\" \"y\")) NIL NIL NIL NIL NIL)",
                envelope("SUBJECT: one\r\nsubject: two\r\nfrom: x@y\r\nFrom: z@y\r\n\r\n"));
    }

    @Test
    void utf8HeadersAreSentAsLiteralsWithoutUtf8Accept() {
        assertEquals("(NIL {6}\r\nPrüfe NIL NIL NIL NIL NIL NIL NIL NIL)", envelope("Subject: Prüfe\r\n\r\n"));
    }

    @Test
    void aMessageWithoutHeadersHasAnEmptyEnvelope() {
        assertEquals("(NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL)", envelope("\r\njust a body"));
        assertEquals("(NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL)", envelope(""));
    }
}
