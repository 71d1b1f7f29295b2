package io.quire.mail.lmtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.mail.delivery.InMemoryDelivery;
import io.quire.mail.smtp.Clients;
import io.quire.mail.smtp.Py;
import io.quire.mail.smtp.ReceiverOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The LMTP listener (RFC 2033) on a real socket, driven by swaks and raw Python sockets. */
@ExtendWith(VertxExtension.class)
class LmtpServerIT {

    private static final String MESSAGE = "From: alice@example.org\r\nSubject: lmtp\r\n\r\nhello\r\n..dot\r\n";

    @TempDir
    Path dir;
    private InMemoryDelivery store;
    private LmtpServer server;

    @BeforeEach
    void start(Vertx vertx) throws Exception {
        store = new InMemoryDelivery(Set.of("bob@example.org", "carol@example.org", "full@example.org"));
        server = await(LmtpServer.listen(vertx, ReceiverOptions.defaults("127.0.0.1", 0, "mx.test"), store));
    }

    @AfterEach
    void stop() throws Exception {
        await(server.close());
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Test
    void swaksLmtpShouldGetOneReplyPerRecipient() throws Exception {
        Path data = Files.writeString(dir.resolve("m.eml"), MESSAGE, StandardCharsets.UTF_8);
        var r = Clients.swaks("--protocol", "LMTP", "--server", "127.0.0.1", "--port", String.valueOf(server.port()),
                "--helo", "client.example", "--from", "alice@example.org", "--to",
                "bob@example.org,carol@example.org", "--data", "@" + data);

        assertEquals(0, r.exit(), r.all());
        assertTrue(r.stdout().contains(" -> LHLO client.example"), r.all());
        assertTrue(r.stdout().contains("<-  250 2.0.0 <bob@example.org> "), r.all());
        assertTrue(r.stdout().contains("<-  250 2.0.0 <carol@example.org> "), r.all());
        for (String rcpt : List.of("bob@example.org", "carol@example.org")) {
            String stored = new String(store.storedFor(rcpt).get(0).bytes(), StandardCharsets.UTF_8);
            assertTrue(stored.startsWith("Return-Path: <alice@example.org>\r\nDelivered-To: " + rcpt
                    + "\r\nReceived: from client.example ([127.0.0.1])\r\n\tby mx.test (Quire) with LMTP id "), stored);
            // swaks puts one more CRLF before the final dot.
            assertTrue(stored.endsWith("\r\n" + MESSAGE + "\r\n"), stored);
        }
    }

    @Test
    void smtplibLmtpClientShouldDeliver() {
        var r = Clients.python("""
                import smtplib, sys
                s = smtplib.LMTP("127.0.0.1", int(sys.argv[1]), local_hostname="client.example")
                print(s.sendmail("alice@example.org", ["bob@example.org"], b"Subject: py\\r\\n\\r\\nhi\\r\\n"))
                s.quit()
                """, String.valueOf(server.port()));

        assertEquals("{}", r.stdout().strip(), r.all());
        String stored = new String(store.storedFor("bob@example.org").get(0).bytes(), StandardCharsets.UTF_8);
        assertTrue(stored.startsWith("Return-Path: <alice@example.org>\r\nDelivered-To: bob@example.org\r\n"
                + "Received: from client.example ([127.0.0.1])\r\n\tby mx.test (Quire) with LMTP id "), stored);
        assertTrue(stored.contains("\r\n\tfor <bob@example.org>; "), stored);
        assertTrue(stored.endsWith(" +0000\r\nSubject: py\r\n\r\nhi\r\n"), stored);
    }

    @Test
    void pipelinedLmtpShouldAnswerEachAcceptedRecipientInRcptOrder() {
        var r = Clients.python(Py.PRELUDE + """
                s = conn(int(sys.argv[1]))
                show(replies(s, 1))
                s.sendall(b"LHLO client.example\\r\\n")
                replies(s, 1)
                s.sendall(b"MAIL FROM:<alice@example.org>\\r\\nRCPT TO:<bob@example.org>\\r\\n"
                          b"RCPT TO:<nobody@example.org>\\r\\nRCPT TO:<full@example.org>\\r\\n"
                          b"RCPT TO:<carol@example.org>\\r\\nDATA\\r\\n")
                show(replies(s, 6))
                s.sendall(b"Subject: x\\r\\n\\r\\nbody\\r\\n.\\r\\n")
                show(replies(s, 3))
                s.sendall(b"QUIT\\r\\n")
                show(replies(s, 1))
                """, String.valueOf(server.port()));

        var lines = r.stdout().lines().toList();
        assertEquals(List.of("220 mx.test LMTP Quire ready", "250 2.1.0 Sender OK", "250 2.1.5 Recipient OK",
                "550 5.1.1 No such user here", "250 2.1.5 Recipient OK", "250 2.1.5 Recipient OK",
                "354 End data with <CR><LF>.<CR><LF>"), lines.subList(0, 7), r.all());
        assertTrue(lines.get(7).matches("250 2\\.0\\.0 <bob@example\\.org> \\S+ Saved"), r.all());
        assertEquals("452 4.2.2 Mailbox full", lines.get(8));
        assertTrue(lines.get(9).matches("250 2\\.0\\.0 <carol@example\\.org> \\S+ Saved"), r.all());
        assertEquals("221 2.0.0 mx.test closing connection", lines.get(10));
        assertEquals(2, store.stored().size());
    }

    @Test
    void smtpGreetingsShouldBeRefusedOnLmtp() {
        var r = Clients.python(Py.PRELUDE + """
                s = conn(int(sys.argv[1]))
                replies(s, 1)
                s.sendall(b"EHLO client.example\\r\\nHELO client.example\\r\\nMAIL FROM:<a@example.org>\\r\\nQUIT\\r\\n")
                show(replies(s, 4))
                """, String.valueOf(server.port()));

        assertEquals(List.of("500 5.5.2 Command unrecognized", "500 5.5.2 Command unrecognized",
                "503 5.5.1 Send LHLO first", "221 2.0.0 mx.test closing connection"), r.stdout().lines().toList(),
                r.all());
    }
}
