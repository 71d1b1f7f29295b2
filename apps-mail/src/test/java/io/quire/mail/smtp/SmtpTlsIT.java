package io.quire.mail.smtp;

import static io.quire.mail.smtp.SmtpServerIT.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.mail.delivery.InMemoryDelivery;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** STARTTLS (RFC 3207) and shutdown behaviour of the SMTP listener on real sockets. */
@ExtendWith(VertxExtension.class)
class SmtpTlsIT {

    private static final String TLS_PRELUDE = Py.PRELUDE + """
            ctx = ssl.create_default_context()
            ctx.check_hostname = False
            ctx.verify_mode = ssl.CERT_NONE
            """;

    @TempDir
    Path dir;
    private InMemoryDelivery store;
    private ReceiverServer server;

    @BeforeEach
    void start(Vertx vertx) throws Exception {
        store = new InMemoryDelivery(SmtpServerIT.USERS);
        server = await(SmtpServer.listen(vertx, SmtpServerIT.options().withTls(TestTls.serverOptions(dir)), store));
    }

    @AfterEach
    void stop() throws Exception {
        await(server.close());
    }

    @Test
    void smtplibStartTlsShouldDeliverAndTraceEsmtps() {
        var r = Clients.python(TLS_PRELUDE + """
                import smtplib
                s = smtplib.SMTP("127.0.0.1", int(sys.argv[1]), local_hostname="client.example")
                s.ehlo()
                print("offered" if s.has_extn("starttls") else "not offered")
                print(s.starttls(context=ctx)[0])
                s.ehlo()
                print("offered again" if s.has_extn("starttls") else "not offered again")
                s.sendmail("alice@example.org", ["bob@example.org"], b"Subject: tls\\r\\n\\r\\nsecret\\r\\n")
                s.quit()
                """, String.valueOf(server.port()));

        assertEquals(List.of("offered", "220", "not offered again"), r.stdout().lines().toList(), r.all());
        assertEquals("ESMTPS", SmtpServerIT.assertTraced(store.storedFor("bob@example.org").get(0).bytes(),
                "alice@example.org", "bob@example.org", "Subject: tls\r\n\r\nsecret\r\n"));
    }

    /** CVE-2011-0411: plaintext pipelined behind STARTTLS must not be executed after the handshake. */
    @Test
    void commandsPipelinedBehindStartTlsShouldBeDiscarded() {
        var r = Clients.python(TLS_PRELUDE + """
                s = conn(int(sys.argv[1]))
                replies(s, 1)
                s.sendall(b"EHLO client.example\\r\\n")
                replies(s, 1)
                s.sendall(b"STARTTLS\\r\\nMAIL FROM:<injected@example.org>\\r\\n")
                show(replies(s, 1))
                t = ctx.wrap_socket(s)
                t.sendall(b"EHLO client.example\\r\\n")
                replies(t, 1)
                t.sendall(b"RCPT TO:<bob@example.org>\\r\\nQUIT\\r\\n")
                show(replies(t, 2))
                """, String.valueOf(server.port()));

        assertEquals(List.of("220 2.0.0 Ready to start TLS", "503 5.5.1 Send MAIL first",
                "221 2.0.0 mx.test closing connection"), r.stdout().lines().toList(), r.all());
    }

    /** The same injection in its own TCP segment: it is dropped or it breaks the handshake, never executed. */
    @Test
    void plaintextSentBeforeTheHandshakeShouldNeverBeExecuted() {
        var r = Clients.python(TLS_PRELUDE + """
                s = conn(int(sys.argv[1]))
                replies(s, 1)
                s.sendall(b"EHLO client.example\\r\\n")
                replies(s, 1)
                s.sendall(b"STARTTLS\\r\\n")
                s.sendall(b"MAIL FROM:<injected@example.org>\\r\\n")
                show(replies(s, 1))
                try:
                    t = ctx.wrap_socket(s)
                    t.sendall(b"EHLO client.example\\r\\n")
                    replies(t, 1)
                    t.sendall(b"RCPT TO:<bob@example.org>\\r\\n")
                    show(replies(t, 1))
                except (ssl.SSLError, OSError) as e:
                    print("handshake refused")
                """, String.valueOf(server.port()));

        var lines = r.stdout().lines().toList();
        assertEquals("220 2.0.0 Ready to start TLS", lines.get(0), r.all());
        assertTrue(lines.get(1).equals("503 5.5.1 Send MAIL first") || lines.get(1).equals("handshake refused"),
                r.all());
    }

    @Test
    void closingTheServerShouldTellOpenSessions421() throws Exception {
        Path ready = dir.resolve("ready");
        var result = new Clients.Result[1];
        var client = new Thread(() -> result[0] = Clients.python(Py.PRELUDE + """
                s = conn(int(sys.argv[1]))
                show(replies(s, 1))
                s.sendall(b"EHLO client.example\\r\\n")
                replies(s, 1)
                open(sys.argv[2], "w").close()
                show(replies(s, 2))
                """, String.valueOf(server.port()), ready.toString()));
        client.start();
        long deadline = System.currentTimeMillis() + 20_000;
        while (!java.nio.file.Files.exists(ready) && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        await(server.close());
        client.join(20_000);

        assertEquals(List.of("220 mx.test ESMTP Quire ready",
                "421 4.3.2 mx.test Service shutting down, closing connection", "EOF"),
                result[0].stdout().lines().toList(), result[0].all());
    }
}
