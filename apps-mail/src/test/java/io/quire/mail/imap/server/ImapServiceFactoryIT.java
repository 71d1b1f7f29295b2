package io.quire.mail.imap.server;

import static io.quire.mail.imap.server.RawImap.expectOk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.mail.app.MailConfig;
import io.quire.mail.app.MailService;
import io.vertx.core.Vertx;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The factory {@code MailApp} finds with ServiceLoader starts the server on the configured address and stops it. */
class ImapServiceFactoryIT {
    @TempDir
    Path dir;

    @Test
    void startsOnTheMailSectionsImapAddressAndCloses() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Vertx vertx = Vertx.vertx();
        try (RealMailStore store = RealMailStore.withTestUsers()) {
            MailConfig config = new MailConfig(new MailConfig.Address("127.0.0.1", port),
                    new MailConfig.Address("127.0.0.1", 0), new MailConfig.Address("127.0.0.1", 0),
                    List.of("example.org"), Optional.empty());
            MailService service = new ImapServiceFactory().start(new MailService.Context(vertx, config, store.store(),
                    Optional.empty(), "mx.example.org", "n1", dir)).toCompletionStage().toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
            try (RawImap imap = new RawImap(port)) {
                imap.login(TestServer.ALICE, TestServer.ALICE_PASSWORD);
                expectOk(imap.command("SELECT INBOX"));
                service.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
                assertEquals("* BYE [UNAVAILABLE] Server shutting down", imap.readLine());
            }
            assertEquals("imap", new ImapServiceFactory().name());
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void theGreetingNamesTheHost() throws Exception {
        try (RealMailStore store = RealMailStore.withTestUsers();
             TestServer server = TestServer.start(store.store(),
                     TestServer.testOptions().withServerName("mx.example.org"));
             var socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5000);
            String greeting = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII)).readLine();
            assertTrue(greeting.endsWith("] mx.example.org IMAP4rev2 server ready"), greeting);
        }
    }
}
