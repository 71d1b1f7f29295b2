package io.quire.mail.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.mail.maildir.ImportResult;
import io.quire.mail.maildir.LineEnding;
import io.quire.mail.mbox.MboxReader;
import io.quire.mail.smtp.Clients;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every message of the shared corpus mboxes delivered over LMTP by Python's smtplib into a real
 * node, then read back through the store: each stored copy is the trace fields the receiver adds
 * ({@code Return-Path}, {@code Delivered-To}, {@code Received}) followed by the message byte for byte.
 */
class CorpusDeliveryIT {
    static final Path CORPUS = io.quire.mail.maildir.Fixtures.CORPUS;
    static final String SCRIPT = """
            import os, smtplib, sys
            port, folder = int(sys.argv[1]), sys.argv[2]
            s = smtplib.LMTP("127.0.0.1", port, local_hostname="corpus.test")
            for name in sorted(os.listdir(folder), key=lambda n: int(n.split(".")[0])):
                data = open(os.path.join(folder, name), "rb").read()
                try:
                    refused = s.sendmail("sender@corpus.test", ["alice@example.org"], data)
                    print(name, "refused" if refused else "ok", refused or "")
                except smtplib.SMTPException as e:
                    print(name, "error", e)
                    s.rset()
            s.quit()
            """;
    /** The Received field: its first line, then continuation lines, each CRLF-terminated. */
    static final Pattern RECEIVED = Pattern.compile("Received: from corpus\\.test \\(\\[127\\.0\\.0\\.1]\\)\r\n"
            + "\tby [A-Za-z0-9.-]+ \\(Quire\\) with LMTP id [^\r\n;]+\r\n\tfor <alice@example\\.org>; [^\r\n]+ \\+0000\r\n");

    @TempDir
    Path dir;
    MailNode node;

    @AfterEach
    void stop() {
        if (node != null) node.close();
    }

    @Test
    void everyCorpusMessageShouldBeStoredByteForByteAfterItsTraceFields() throws Exception {
        List<byte[]> sent = new ArrayList<>();
        for (Path mbox : List.of(CORPUS.resolve("mimekit/mimekit-messages.mbox"), CORPUS.resolve("mail-gem/mail-gem-fixtures.mbox")))
            sent.addAll(read(mbox));
        Path folder = Files.createDirectories(dir.resolve("corpus"));
        for (int i = 0; i < sent.size(); i++) Files.write(folder.resolve(i + ".eml"), sent.get(i));
        node = MailNode.start(dir);
        assertEquals(201, node.createUser("alice@example.org", "pw").statusCode());

        var r = Clients.python(SCRIPT, String.valueOf(node.lmtp), folder.toString());
        assertEquals(0, r.exit(), r.all());
        assertEquals(sent.size(), r.stdout().lines().filter(l -> l.contains(" ok")).count(), r.all());

        List<MailNode.Stored> stored = node.messages("alice@example.org", "INBOX");
        assertEquals(sent.size(), stored.size());
        String prefix = "Return-Path: <sender@corpus.test>\r\nDelivered-To: alice@example.org\r\n";
        for (int i = 0; i < sent.size(); i++) {
            byte[] raw = stored.get(i).raw();
            String head = new String(raw, 0, Math.min(raw.length, 400), StandardCharsets.ISO_8859_1);
            assertTrue(head.startsWith(prefix), "message " + i + ": " + head);
            var m = RECEIVED.matcher(head).region(prefix.length(), head.length());
            assertTrue(m.lookingAt(), "message " + i + " Received field: " + head);
            byte[] body = Arrays.copyOfRange(raw, m.end(), raw.length);
            assertArrayEquals(sent.get(i), body, "message " + i + " differs after its trace fields");
            if (i > 0) assertTrue(stored.get(i).uid() > stored.get(i - 1).uid());
        }
    }

    /** The corpus messages with CRLF line ends, each ending in CRLF, as an SMTP client sends them. */
    static List<byte[]> read(Path mbox) throws Exception {
        List<byte[]> out = new ArrayList<>();
        try (MboxReader reader = MboxReader.open(mbox, "INBOX", new MboxReader.Options(
                io.quire.mail.mbox.MboxFormat.MBOXRD, LineEnding.CRLF, 64 << 20))) {
            while (reader.hasNext()) {
                if (reader.next() instanceof ImportResult.Imported i) {
                    byte[] b = i.message().raw();
                    boolean crlf = b.length >= 2 && b[b.length - 2] == '\r' && b[b.length - 1] == '\n';
                    out.add(crlf ? b : concat(b, "\r\n".getBytes(StandardCharsets.US_ASCII)));
                }
            }
        }
        assertTrue(out.size() > 10, mbox + " read " + out.size());
        return out;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
