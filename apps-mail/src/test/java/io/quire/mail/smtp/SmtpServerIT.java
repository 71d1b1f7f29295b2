package io.quire.mail.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.mail.delivery.InMemoryDelivery;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The SMTP listener on a real socket, driven by Python's smtplib and raw sockets. */
@ExtendWith(VertxExtension.class)
class SmtpServerIT {

    static final Set<String> USERS = Set.of("bob@example.org", "carol@example.org", "full@example.org");
    private static final Pattern RECEIVED = Pattern.compile(
            "Received: from client\\.example \\(\\[127\\.0\\.0\\.1]\\)\r\n\tby mx\\.test \\(Quire\\) with (\\S+) id "
            + "[A-Z0-9]+-\\d+(\r\n\tfor <[^>]+>)?; \\w{3}, \\d{1,2} \\w{3} \\d{4} \\d\\d:\\d\\d:\\d\\d \\+0000\r\n");

    private Vertx vertx;
    private InMemoryDelivery store;
    private ReceiverServer server;

    @BeforeEach
    void start(Vertx vertx) throws Exception {
        this.vertx = vertx;
        store = new InMemoryDelivery(USERS);
        server = await(SmtpServer.listen(vertx, options(), store));
    }

    @AfterEach
    void stop() throws Exception {
        await(server.close());
    }

    static ReceiverOptions options() {
        return ReceiverOptions.defaults("127.0.0.1", 0, "mx.test").withMaxMessageSize(10_000);
    }

    static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    /** Checks that a stored copy is the trace prefix, a well-formed Received: field and then the exact message. */
    static String assertTraced(byte[] stored, String from, String recipient, String message) {
        String text = new String(stored, StandardCharsets.UTF_8);
        String prefix = "Return-Path: <" + from + ">\r\nDelivered-To: " + recipient + "\r\n";
        assertTrue(text.startsWith(prefix), text);
        var m = RECEIVED.matcher(text).region(prefix.length(), text.length());
        assertTrue(m.lookingAt(), text);
        assertEquals(message, text.substring(m.end()));
        return m.group(1);
    }

    @Test
    void smtplibShouldDeliverOneCopyPerRecipientWithTraceHeaders() {
        var r = Clients.python("""
                import smtplib, sys
                msg = (b"From: alice@example.org\\r\\nTo: bob@example.org\\r\\nSubject: smtplib\\r\\n\\r\\n"
                       b"Hello\\r\\n.leading dot\\r\\n..two dots\\r\\n.\\r\\nbye\\r\\n")
                s = smtplib.SMTP("127.0.0.1", int(sys.argv[1]), local_hostname="client.example")
                print(s.ehlo()[0])
                for reply in (s.mail("alice@example.org"), s.rcpt("bob@example.org"),
                              s.rcpt("carol@example.org"), s.data(msg), s.quit()):
                    print(reply[0], reply[1].decode())
                """, String.valueOf(server.port()));

        var lines = r.stdout().lines().toList();
        assertEquals(6, lines.size(), r.all());
        assertEquals("250", lines.get(0));
        assertEquals("250 2.1.0 Sender OK", lines.get(1));
        assertEquals("250 2.1.5 Recipient OK", lines.get(2));
        assertEquals("250 2.1.5 Recipient OK", lines.get(3));
        assertTrue(lines.get(4).startsWith("250 2.0.0 OK: queued as "), r.all());
        assertTrue(lines.get(5).startsWith("221 2.0.0"), r.all());
        String message = "From: alice@example.org\r\nTo: bob@example.org\r\nSubject: smtplib\r\n\r\n"
                + "Hello\r\n.leading dot\r\n..two dots\r\n.\r\nbye\r\n";
        assertEquals("ESMTP", assertTraced(store.storedFor("bob@example.org").get(0).bytes(),
                "alice@example.org", "bob@example.org", message));
        assertTraced(store.storedFor("carol@example.org").get(0).bytes(), "alice@example.org",
                "carol@example.org", message);
    }

    @Test
    void unknownRecipientShouldGet550AndOthersStillReceive() {
        var r = Clients.python("""
                import smtplib, sys
                s = smtplib.SMTP("127.0.0.1", int(sys.argv[1]), local_hostname="client.example")
                s.ehlo()
                s.mail("alice@example.org")
                for reply in (s.rcpt("nobody@example.org"), s.rcpt("bob@example.org"), s.data(b"Subject: x\\r\\n\\r\\nx\\r\\n")):
                    print(reply[0], reply[1].decode())
                s.quit()
                """, String.valueOf(server.port()));

        var lines = r.stdout().lines().toList();
        assertEquals("550 5.1.1 No such user here", lines.get(0), r.all());
        assertEquals("250 2.1.5 Recipient OK", lines.get(1));
        assertTrue(lines.get(2).startsWith("250 2.0.0"));
        assertEquals(1, store.stored().size());
        assertEquals(List.of("bob@example.org"), store.stored().get(0).envelope().recipients());
    }

    @Test
    void pipelinedBatchShouldBeAnsweredInOrder() {
        var r = Clients.python(Py.PRELUDE + """
                s = conn(int(sys.argv[1]))
                show(replies(s, 1))
                s.sendall(b"EHLO client.example\\r\\n")
                ehlo = replies(s, 1)
                print("PIPELINING" if "250-PIPELINING" in ehlo else "no pipelining")
                s.sendall(b"MAIL FROM:<alice@example.org>\\r\\nRCPT TO:<nobody@example.org>\\r\\n"
                          b"RCPT TO:<bob@example.org>\\r\\nRCPT TO:<carol@example.org>\\r\\nDATA\\r\\n")
                show(replies(s, 5))
                s.sendall(b"Subject: pipelined\\r\\n\\r\\nbody\\r\\n.\\r\\nRSET\\r\\nNOOP\\r\\nQUIT\\r\\n")
                show(replies(s, 4))
                """, String.valueOf(server.port()));

        var lines = r.stdout().lines().toList();
        assertEquals(List.of("220 mx.test ESMTP Quire ready", "PIPELINING", "250 2.1.0 Sender OK",
                "550 5.1.1 No such user here", "250 2.1.5 Recipient OK", "250 2.1.5 Recipient OK",
                "354 End data with <CR><LF>.<CR><LF>"), lines.subList(0, 7), r.all());
        assertTrue(lines.get(7).startsWith("250 2.0.0 OK: queued as "), r.all());
        assertEquals(List.of("250 2.0.0 Reset state", "250 2.0.0 OK", "221 2.0.0 mx.test closing connection"),
                lines.subList(8, 11));
        assertEquals(2, store.stored().size());
    }

    @Test
    void oversizedMessageShouldGet552AndTheSessionStayUsable() {
        var r = Clients.python("""
                import smtplib, sys
                big = b"Subject: big\\r\\n\\r\\n" + (b"x" * 76 + b"\\r\\n") * 200
                s = smtplib.SMTP("127.0.0.1", int(sys.argv[1]), local_hostname="client.example")
                s.ehlo()
                print(s.mail("alice@example.org", ["SIZE=%d" % len(big)])[0])
                s.rset()
                s.mail("alice@example.org")
                s.rcpt("bob@example.org")
                code, text = s.data(big)
                print(code, text.decode())
                print(s.noop()[0])
                s.mail("alice@example.org")
                s.rcpt("bob@example.org")
                print(s.data(b"Subject: small\\r\\n\\r\\nok\\r\\n")[0])
                s.quit()
                """, String.valueOf(server.port()));

        assertEquals(List.of("552", "552 5.3.4 Message size exceeds fixed limit", "250", "250"),
                r.stdout().lines().toList(), r.all());
        assertEquals(1, store.stored().size());
    }

    @Test
    void bareLineFeedShouldBeRefusedWith550AndTheSessionStayInSync() {
        var r = Clients.python("""
                import smtplib, sys
                s = smtplib.SMTP("127.0.0.1", int(sys.argv[1]), local_hostname="client.example")
                s.ehlo()
                s.mail("alice@example.org")
                s.rcpt("bob@example.org")
                code, text = s.data(b"Subject: bare\\n\\nbare LF body\\n")
                print(code, text.decode())
                print(s.noop()[0])
                s.quit()
                """, String.valueOf(server.port()));

        assertEquals(List.of("550 5.6.2 Bare CR or LF in message; lines must end with CRLF", "250"),
                r.stdout().lines().toList(), r.all());
        assertTrue(store.stored().isEmpty());
    }

    @Test
    void overlongCommandLineShouldGet500AndNotBreakTheSession() {
        var r = Clients.python(Py.PRELUDE + """
                s = conn(int(sys.argv[1]))
                replies(s, 1)
                s.sendall(b"EHLO " + b"a" * 5000 + b"\\r\\nNOOP\\r\\nQUIT\\r\\n")
                show(replies(s, 3))
                """, String.valueOf(server.port()));

        assertEquals(List.of("500 5.5.6 Line too long", "250 2.0.0 OK", "221 2.0.0 mx.test closing connection"),
                r.stdout().lines().toList(), r.all());
    }

    @Test
    void silentClientShouldGet421AfterTheIdleTimeout() throws Exception {
        await(server.close());
        server = await(SmtpServer.listen(vertx, options().withIdleTimeout(Duration.ofMillis(700)), store));
        var r = Clients.python(Py.PRELUDE + """
                s = conn(int(sys.argv[1]))
                t = time.time()
                show(replies(s, 1))
                s.sendall(b"EHLO client.example\\r\\n")
                replies(s, 1)
                show(replies(s, 2))
                print("after %.1f s" % (time.time() - t))
                """, String.valueOf(server.port()));

        var lines = r.stdout().lines().toList();
        assertEquals(List.of("220 mx.test ESMTP Quire ready", "421 4.4.2 mx.test Timeout, closing connection",
                "EOF"), lines.subList(0, 3), r.all());
        assertEquals(0, server.connections());
    }

    @Test
    void connectionsBeyondTheLimitShouldGet421() throws Exception {
        await(server.close());
        server = await(SmtpServer.listen(vertx, options().withMaxConnections(1), store));
        var r = Clients.python(Py.PRELUDE + """
                first = conn(int(sys.argv[1]))
                show(replies(first, 1))
                second = conn(int(sys.argv[1]))
                show(replies(second, 2))
                """, String.valueOf(server.port()));

        assertEquals(List.of("220 mx.test ESMTP Quire ready", "421 4.7.0 mx.test Too many connections, try again later",
                "EOF"), r.stdout().lines().toList(), r.all());
    }
}
