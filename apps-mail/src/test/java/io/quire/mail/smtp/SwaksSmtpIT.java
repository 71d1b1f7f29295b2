package io.quire.mail.smtp;

import static io.quire.mail.smtp.SmtpServerIT.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.mail.delivery.InMemoryDelivery;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The SMTP listener driven by swaks, including its PIPELINING and STARTTLS modes. */
@ExtendWith(VertxExtension.class)
class SwaksSmtpIT {

    static final String MESSAGE = "From: alice@example.org\r\nTo: bob@example.org\r\nSubject: swaks\r\n\r\n"
            + "line one\r\n.dotted line\r\nlast line\r\n";
    /** What swaks sends for {@link #MESSAGE}: it always puts one more CRLF before the final dot. */
    static final String SENT = MESSAGE + "\r\n";

    @TempDir
    Path dir;
    private InMemoryDelivery store;
    private ReceiverServer server;
    private Path data;

    @BeforeEach
    void start(Vertx vertx) throws Exception {
        store = new InMemoryDelivery(SmtpServerIT.USERS);
        var options = SmtpServerIT.options().withTls(TestTls.serverOptions(dir));
        server = await(SmtpServer.listen(vertx, options, store));
        data = Files.writeString(dir.resolve("message.eml"), MESSAGE, StandardCharsets.UTF_8);
    }

    @AfterEach
    void stop() throws Exception {
        await(server.close());
    }

    private Clients.Result swaks(String... extra) {
        var args = new java.util.ArrayList<>(java.util.List.of("--server", "127.0.0.1", "--port",
                String.valueOf(server.port()), "--helo", "client.example", "--from", "alice@example.org",
                "--data", "@" + data));
        args.addAll(java.util.List.of(extra));
        return Clients.swaks(args.toArray(String[]::new));
    }

    @Test
    void swaksShouldDeliverTheFileVerbatimPlusTraceHeaders() {
        var r = swaks("--to", "bob@example.org");

        assertEquals(0, r.exit(), r.all());
        assertTrue(r.stdout().contains("<-  250 2.0.0 OK: queued as "), r.all());
        assertEquals("ESMTP", SmtpServerIT.assertTraced(store.storedFor("bob@example.org").get(0).bytes(),
                "alice@example.org", "bob@example.org", SENT));
    }

    @Test
    void swaksPipeliningShouldGetEveryReplyInOrder() {
        var r = swaks("--pipeline", "--to", "nobody@example.org,bob@example.org,carol@example.org");

        assertTrue(r.stdout().contains("<** 550 5.1.1 No such user here"), r.all());
        assertTrue(r.stdout().contains("<-  354 End data with"), r.all());
        assertTrue(r.stdout().contains("<-  250 2.0.0 OK: queued as "), r.all());
        assertEquals(2, store.stored().size());
    }

    @Test
    void swaksStartTlsShouldDeliverWithEsmtps() {
        var r = swaks("--tls", "--to", "bob@example.org");

        assertEquals(0, r.exit(), r.all());
        assertTrue(r.stdout().contains("<-  220 2.0.0 Ready to start TLS"), r.all());
        assertEquals("ESMTPS", SmtpServerIT.assertTraced(store.storedFor("bob@example.org").get(0).bytes(),
                "alice@example.org", "bob@example.org", SENT));
    }

    @Test
    void unknownRecipientShouldMakeSwaksFail() {
        var r = swaks("--to", "nobody@example.org");

        assertTrue(r.exit() != 0, r.all());
        assertTrue(r.stdout().contains("<** 550 5.1.1 No such user here"), r.all());
        assertTrue(store.stored().isEmpty());
    }
}
