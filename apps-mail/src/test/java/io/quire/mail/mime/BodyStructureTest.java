package io.quire.mail.mime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Expected BODYSTRUCTURE and BODY output for corpus messages and hand-written edge cases. */
class BodyStructureTest {

    private static String structure(String corpusFile) {
        return Render.bodyStructure(ParsedMessage.parse(Corpus.file(corpusFile)).bodyStructure(), true);
    }

    private static String structureOf(String message, boolean extensible) {
        return Render.bodyStructure(ParsedMessage.parse(message.getBytes(StandardCharsets.ISO_8859_1)).bodyStructure(),
                extensible);
    }

    @Test
    void theRfc2060SampleNestsMessagesInsideMultiparts() {
        String env3 = "(NIL \"This part specifier should be: 3\" ((NIL NIL \"me\" \"myself.com\")) ((NIL NIL \"me\" \"myself.com\")) "
                + "((NIL NIL \"me\" \"myself.com\")) ((NIL NIL \"me\" \"myself.com\")) NIL NIL NIL NIL)";
        String env42 = env3.replace("should be: 3", "should be: 4.2");
        String text = "\"TEXT\" \"PLAIN\" (\"CHARSET\" \"us-ascii\") NIL NIL \"7BIT\" ";
        assertEquals("((" + text + "33 1 NIL NIL NIL NIL)"
                + "(\"APPLICATION\" \"OCTET-STREAM\" NIL NIL NIL \"7BIT\" 33 NIL NIL NIL NIL)"
                + "(\"MESSAGE\" \"RFC822\" NIL NIL NIL \"7BIT\" 302 " + env3 + " ((" + text + "35 1 NIL NIL NIL NIL)"
                + "(\"APPLICATION\" \"OCTET-STREAM\" NIL NIL NIL \"7BIT\" 35 NIL NIL NIL NIL) \"MIXED\" (\"BOUNDARY\" \"3.x\") NIL NIL NIL)"
                + " 17 NIL NIL NIL NIL)"
                + "((\"IMAGE\" \"GIF\" NIL NIL NIL \"7BIT\" 35 NIL NIL NIL NIL)"
                + "(\"MESSAGE\" \"RFC822\" NIL NIL NIL \"7BIT\" 462 " + env42 + " ((" + text + "37 1 NIL NIL NIL NIL)"
                + "((" + text + "39 1 NIL NIL NIL NIL)(\"TEXT\" \"RICHTEXT\" (\"CHARSET\" \"us-ascii\") NIL NIL \"7BIT\" 39 1 NIL NIL NIL NIL)"
                + " \"ALTERNATIVE\" (\"BOUNDARY\" \"4.2.2.x\") NIL NIL NIL) \"MIXED\" (\"BOUNDARY\" \"4.2.x\") NIL NIL NIL)"
                + " 26 NIL NIL NIL NIL) \"MIXED\" (\"BOUNDARY\" \"4.x\") NIL NIL NIL) \"MIXED\" (\"BOUNDARY\" \"x\") NIL NIL NIL)",
                structure("mimekit/messages/rfc2060.txt"));
    }

    @Test
    void attachmentsCarryDispositionAndParameters() {
        assertEquals("((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"ISO-8859-1\") NIL NIL \"QUOTED-PRINTABLE\" 129 2 NIL (\"INLINE\" NIL) NIL NIL)"
                        + "(\"APPLICATION\" \"PDF\" (\"NAME\" \"broken.pdf\") NIL NIL \"BASE64\" 1402 NIL "
                        + "(\"ATTACHMENT\" (\"FILENAME\" \"broken.pdf\")) NIL NIL) \"MIXED\" "
                        + "(\"BOUNDARY\" \"----=_Part_2192_32400445.1115745999735\") NIL NIL NIL)",
                structure("mail-gem/emails/attachment_emails/attachment_pdf.eml"));
    }

    @Test
    void partsOfADigestDefaultToMessages() {
        String s = structure("mimekit/messages/multipart-digest.txt");
        assertEquals(true, s.startsWith("(\"MESSAGE\" \"RFC822\" NIL NIL NIL \"7BIT\" 330 "), s);
        assertEquals(true, s.contains("((\"MESSAGE\" \"RFC822\" NIL NIL NIL \"7BIT\" 42 (NIL \"m1\" "), s);
        assertEquals(true, s.contains("\"DIGEST\" (\"BOUNDARY\" \"foo\") NIL NIL NIL) 28 NIL NIL NIL NIL)"), s);
    }

    @Test
    void bodyOmitsExtensionDataAtEveryLevel() {
        String msg = "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain; charset=utf-8\r\n"
                + "Content-Disposition: inline\r\nContent-Language: en, de\r\n\r\nhi\r\n--b\r\n"
                + "Content-Type: image/png; name=a.png\r\nContent-ID: <c1@x>\r\nContent-Description: a picture\r\n"
                + "Content-Transfer-Encoding: base64\r\nContent-Location: http://x.test/\r\n a.png\r\nContent-MD5: Q2hlY2s=\r\n\r\n"
                + "AAAA\r\n--b--\r\n";
        assertEquals("((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"utf-8\") NIL NIL \"7BIT\" 2 1)"
                + "(\"IMAGE\" \"PNG\" (\"NAME\" \"a.png\") \"<c1@x>\" \"a picture\" \"BASE64\" 4) \"MIXED\")", structureOf(msg, false));
        assertEquals("((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"utf-8\") NIL NIL \"7BIT\" 2 1 NIL (\"INLINE\" NIL) (\"en\" \"de\") NIL)"
                + "(\"IMAGE\" \"PNG\" (\"NAME\" \"a.png\") \"<c1@x>\" \"a picture\" \"BASE64\" 4 \"Q2hlY2s=\" NIL NIL "
                + "\"http://x.test/a.png\") \"MIXED\" (\"BOUNDARY\" \"b\") NIL NIL NIL)", structureOf(msg, true));
    }

    @Test
    void aMessageWithoutContentTypeIsUsAsciiText() {
        assertEquals("(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"us-ascii\") NIL NIL \"7BIT\" 4 1 NIL NIL NIL NIL)",
                structureOf("Subject: x\r\n\r\nhi\r\n", true));
    }

    @Test
    void brokenStructuresAreReportedAsLeaves() {
        // RFC 2045 §5.2: an invalid Content-Type means text/plain; us-ascii.
        assertEquals("(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"us-ascii\") NIL NIL \"7BIT\" 2 1)",
                structureOf("Content-Type: text\r\n\r\nhi", false));
        // A multipart without a boundary, or without any part, cannot be split.
        assertEquals("(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"us-ascii\") NIL NIL \"7BIT\" 2 1)",
                structureOf("Content-Type: multipart/mixed\r\n\r\nhi", false));
        assertEquals("(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"us-ascii\") NIL NIL \"7BIT\" 2 1)",
                structureOf("Content-Type: multipart/mixed; boundary=zz\r\n\r\nhi", false));
        // An encoded message/rfc822 cannot be expanded.
        assertEquals("(\"APPLICATION\" \"OCTET-STREAM\" NIL NIL NIL \"BASE64\" 4)",
                structureOf("Content-Type: message/rfc822\r\nContent-Transfer-Encoding: base64\r\n\r\nAAAA", false));
    }

    @Test
    void hostileNestingIsCutOffInsteadOfOverflowingTheStack() {
        StringBuilder msg = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            msg.append("Content-Type: message/rfc822\r\n\r\n");
        }
        msg.append("Subject: deep\r\n\r\nbottom\r\n");
        String s = structureOf(msg.toString(), true);
        assertEquals(true, s.contains("\"APPLICATION\" \"OCTET-STREAM\""), s);
    }

    @Test
    void encodedWordsStayEncodedAndEightBitValuesBecomeLiterals() {
        String s = structureOf("Content-Type: text/plain; name=\"=?utf-8?q?caf=C3=A9?=\"; x=\"caf\u00e9\"\r\n\r\n", true);
        assertEquals("(\"TEXT\" \"PLAIN\" (\"NAME\" \"=?utf-8?q?caf=C3=A9?=\" \"X\" {5}\r\ncafé \"CHARSET\" \"us-ascii\")",
                s.substring(0, s.indexOf(") NIL NIL \"7BIT\"") + 1));
    }
}
