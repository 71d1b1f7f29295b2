package io.quire.mail.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.mail.smtp.Clients;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mail.tls} with PEM files, as a user configures it: both receivers offer STARTTLS (RFC 3207)
 * and swaks delivers through it. Needs {@code openssl} to make the throw-away certificate.
 */
class MailTlsIT {
    @TempDir
    Path dir;
    MailNode node;

    @AfterEach
    void stop() {
        if (node != null) node.close();
    }

    @Test
    void smtpAndLmtpShouldOfferStarttlsWithTheConfiguredPemCertificate() throws Exception {
        Path cert = dir.resolve("mail.crt");
        Path key = dir.resolve("mail.key");
        var made = Clients.run(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                "-subj", "/CN=mx.test", "-keyout", key.toString(), "-out", cert.toString()));
        assertEquals(0, made.exit(), made.all());
        node = MailNode.create(dir, "a", MailNode.ports(), "")
                .withMailYaml("  tls:\n    certificate: " + cert + "\n    key: " + key + "\n").start();
        assertEquals(201, node.createUser("alice@example.org", "pw").statusCode());

        var smtp = Clients.swaks("--server", "127.0.0.1:" + node.smtp, "--tls", "--from", "s@remote.test",
                "--to", "alice@example.org", "--header", "Subject: over smtp tls");
        assertEquals(0, smtp.exit(), smtp.all());
        assertTrue(smtp.stdout().contains("<-  220 ") && smtp.stdout().contains("TLS started"), smtp.all());
        var lmtp = Clients.swaks("--protocol", "LMTP", "--server", "127.0.0.1:" + node.lmtp, "--tls", "--from", "s@remote.test",
                "--to", "alice@example.org", "--header", "Subject: over lmtp tls");
        assertEquals(0, lmtp.exit(), lmtp.all());
        assertTrue(lmtp.stdout().contains("TLS started"), lmtp.all());
        assertEquals(2, node.messages("alice@example.org", "INBOX").size());
    }
}
