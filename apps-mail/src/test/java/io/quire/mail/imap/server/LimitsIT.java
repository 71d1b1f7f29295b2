package io.quire.mail.imap.server;

import static io.quire.mail.imap.server.RawImap.expectOk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.mail.imap.protocol.ReceiverConfig;
import io.quire.mail.store.MailStore;
import io.quire.mail.store.UserMail;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Limits and bad input: line and literal sizes, idle timeouts before and after login, failed-login throttling per
 * address, connections per user and in total, runs of malformed commands, and store bugs answered without a trace.
 */
class LimitsIT {
    static RealMailStore store;

    @BeforeAll
    static void open() {
        store = RealMailStore.withTestUsers();
    }

    @AfterAll
    static void close() {
        store.close();
    }

    private static TestServer start(ImapOptions.Limits limits) throws Exception {
        return TestServer.start(store.store(), TestServer.testOptions().withLimits(limits));
    }

    private static ImapOptions.Limits limits() {
        return ImapOptions.Limits.DEFAULT;
    }

    @Test
    void anOverlongLineIsBadAndTheSessionGoesOn() throws Exception {
        try (TestServer server = start(limits().withReceiver(ReceiverConfig.DEFAULT.withMaxLineBytes(1024)));
             RawImap imap = new RawImap(server.port())) {
            List<String> lines = imap.command("NOOP " + "x".repeat(5000));
            assertTrue(lines.getLast().matches("t1 BAD \\[TOOBIG\\] .*"), lines.toString());
            expectOk(imap.command("NOOP"));
        }
    }

    @Test
    void anAppendLiteralOverTheLimitIsRefusedWithToobig() throws Exception {
        try (TestServer server = start(limits().withReceiver(ReceiverConfig.DEFAULT.withLiteralLimits(1000, 1000,
                10_000)));
             RawImap imap = new RawImap(server.port()).login(TestServer.ALICE, TestServer.ALICE_PASSWORD)) {
            List<String> lines = imap.command("APPEND INBOX {2000}");
            assertTrue(lines.getLast().matches("t2 NO \\[TOOBIG\\] .*"), lines.toString());
            expectOk(imap.command("NOOP"));
            assertTrue(imap.command("CAPABILITY").getFirst().contains("APPENDLIMIT=1000"));
        }
    }

    @Test
    void literalMinusAdvertisesItselfAndRefusesLargeNonSynchronizingLiterals() throws Exception {
        try (TestServer server = start(limits().withReceiver(ReceiverConfig.DEFAULT.withLiteralMode(
                ReceiverConfig.LiteralMode.LITERAL_MINUS)));
             RawImap imap = new RawImap(server.port()).login(TestServer.ALICE, TestServer.ALICE_PASSWORD)) {
            String caps = imap.command("CAPABILITY").getFirst();
            assertTrue(caps.contains(" LITERAL- ") && !caps.contains("LITERAL+"), caps);
            imap.send("a1 APPEND INBOX {5000+}");
            imap.send("x".repeat(4998));
            imap.send("");
            String refused = imap.readLine();
            assertTrue(refused.matches("a1 BAD \\[TOOBIG\\] .*"), refused);
            expectOk(imap.command("APPEND INBOX {14+}\r\nSubject: ok\r\n"));
        }
    }

    @Test
    void aLargeLiteralBeforeLoginEndsTheConnection() throws Exception {
        try (TestServer server = start(limits()); RawImap imap = new RawImap(server.port())) {
            imap.send("a1 APPEND INBOX {1000000}");
            assertEquals("* BYE Literal too large before login", imap.readLine(), "no + for anonymous megabytes");
            assertEquals("EOF", imap.readLine());
        }
        try (TestServer server = start(limits()); RawImap imap = new RawImap(server.port())) {
            List<String> lines = imap.command("LOGIN {100000}");
            assertTrue(lines.getLast().matches("t1 NO \\[TOOBIG\\] .*"), "the receiver's own literal limit: " + lines);
            expectOk(imap.command("NOOP"));
        }
    }

    @Test
    void silentClientsAreLoggedOutSoonerBeforeLogin() throws Exception {
        ImapOptions.Limits l = limits().withTimeouts(Duration.ofMillis(1500), Duration.ofMillis(300));
        try (TestServer server = start(l); RawImap anonymous = new RawImap(server.port());
             RawImap user = new RawImap(server.port()).login(TestServer.ALICE, TestServer.ALICE_PASSWORD)) {
            anonymous.await("\\* BYE Autologout; idle for too long", Duration.ofSeconds(2));
            assertEquals("EOF", anonymous.readLine());
            user.send("i1 IDLE");
            user.await("\\+ idling", Duration.ofSeconds(1));
            user.expectSilence(Duration.ofMillis(800));
            user.await("\\* BYE Autologout; idle for too long", Duration.ofSeconds(2));
        }
    }

    @Test
    void anIdlingClientHearsKeepalivesThatDoNotPostponeItsAutologout() throws Exception {
        ImapOptions.Limits l = limits().withTimeouts(Duration.ofMillis(2500), Duration.ofMinutes(1))
                .withIdleKeepalive(Duration.ofMillis(400));
        try (TestServer server = start(l);
             RawImap user = new RawImap(server.port()).login(TestServer.ALICE, TestServer.ALICE_PASSWORD)) {
            expectOk(user.command("SELECT INBOX"));
            user.send("i1 IDLE");
            user.await("\\+ idling", Duration.ofSeconds(1));
            user.await("\\* OK Still here", Duration.ofSeconds(1));
            user.await("\\* OK Still here", Duration.ofSeconds(1));
            user.send("DONE");
            user.await("i1 OK .*", Duration.ofSeconds(1));
            user.expectSilence(Duration.ofMillis(900)); // no keepalive outside IDLE
            user.send("i2 IDLE");
            user.await("\\+ idling", Duration.ofSeconds(1));
            // Keepalives keep coming, yet the client's silence still ends the session at the timeout.
            List<String> seen = user.await("\\* BYE Autologout; idle for too long", Duration.ofSeconds(4));
            assertTrue(seen.stream().filter("* OK Still here"::equals).count() >= 2, seen.toString());
        }
    }

    @Test
    void failedLoginsAreAnsweredSlowerAndThenRefusedPerAddress() throws Exception {
        ImapOptions options = TestServer.testOptions().withThrottling(new ImapOptions.Throttling(
                Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMinutes(5), 3));
        try (TestServer server = TestServer.start(store.store(), options);
             RawImap first = new RawImap(server.port())) {
            long t0 = System.nanoTime();
            assertTrue(first.command("LOGIN alice@example.org nope").getLast().contains("[AUTHENTICATIONFAILED]"));
            long t1 = System.nanoTime();
            assertTrue(first.command("LOGIN alice@example.org nope").getLast().contains("[AUTHENTICATIONFAILED]"));
            long t2 = System.nanoTime();
            assertTrue((t1 - t0) / 1_000_000 >= 190, "first failure delayed");
            assertTrue((t2 - t1) / 1_000_000 >= 390, "second failure delayed longer");
            first.command("LOGIN alice@example.org nope");
            try (RawImap second = new RawImap(server.port())) {
                List<String> refused = second.command("LOGIN alice@example.org secret");
                assertTrue(refused.getLast().matches("t1 NO \\[UNAVAILABLE\\] .*"), "blocked per address, even with "
                        + "the right password: " + refused);
            }
        }
    }

    @Test
    void aUserHasAtMostNSessions() throws Exception {
        try (TestServer server = start(limits().withConnections(100, 2));
             RawImap one = new RawImap(server.port()).login(TestServer.ALICE, TestServer.ALICE_PASSWORD);
             RawImap two = new RawImap(server.port()).login(TestServer.ALICE, TestServer.ALICE_PASSWORD);
             RawImap three = new RawImap(server.port());
             RawImap bob = new RawImap(server.port())) {
            assertTrue(three.command("LOGIN alice@example.org secret").getLast().matches("t1 NO \\[LIMIT\\] .*"));
            bob.login(TestServer.BOB, TestServer.BOB_PASSWORD);
            expectOk(one.command("LOGOUT"));
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            List<String> retry;
            do {
                Thread.sleep(50);
                retry = three.command("LOGIN alice@example.org secret");
            } while (!retry.getLast().contains("OK") && System.nanoTime() < deadline);
            assertTrue(retry.getLast().matches("t\\d+ OK .*"), "the slot is released at logout: " + retry);
        }
    }

    @Test
    void connectionsOverTheLimitAreTurnedAwayWithBye() throws Exception {
        try (TestServer server = start(limits().withConnections(2, 20));
             RawImap one = new RawImap(server.port()); RawImap two = new RawImap(server.port())) {
            try (var socket = new java.net.Socket("127.0.0.1", server.port())) {
                String line = new String(socket.getInputStream().readNBytes(64), java.nio.charset.StandardCharsets.US_ASCII);
                assertTrue(line.startsWith("* BYE [UNAVAILABLE] Too many connections"), line);
            }
            expectOk(one.command("NOOP"));
        }
    }

    @Test
    void closingTheServerSaysByeToOpenSessions() throws Exception {
        TestServer server = start(limits());
        try (RawImap idler = new RawImap(server.port()).login(TestServer.ALICE, TestServer.ALICE_PASSWORD)) {
            expectOk(idler.command("SELECT INBOX"));
            idler.send("i1 IDLE");
            idler.await("\\+ idling", Duration.ofSeconds(1));
            server.close();
            assertEquals("* BYE [UNAVAILABLE] Server shutting down", idler.readLine());
            assertEquals("EOF", idler.readLine());
        }
    }

    @Test
    void aRunOfMalformedCommandsEndsTheConnection() throws Exception {
        ImapOptions.Limits l = new ImapOptions.Limits(ReceiverConfig.DEFAULT, Duration.ofMinutes(30),
                Duration.ofMinutes(1), 100, 20, 8192, 3, Duration.ofSeconds(30), 4);
        try (TestServer server = start(l); RawImap imap = new RawImap(server.port())) {
            assertTrue(imap.command("FROB").getLast().startsWith("t1 BAD"));
            assertTrue(imap.command("FROB").getLast().startsWith("t2 BAD"));
            expectOk(imap.command("NOOP"));
            imap.send("x1 FROB");
            imap.send("x2 FROB");
            imap.send("x3 FROB");
            assertEquals(List.of("x1 BAD Unknown command FROB", "x2 BAD Unknown command FROB",
                    "x3 BAD Unknown command FROB", "* BYE Too many invalid commands", "EOF"),
                    List.of(imap.readLine(), imap.readLine(), imap.readLine(), imap.readLine(), imap.readLine()));
        }
    }

    @Test
    void aStoreBugIsANoWithoutAStackTrace() throws Exception {
        UserMail real = store.mail(TestServer.ALICE);
        UserMail broken = (UserMail) Proxy.newProxyInstance(UserMail.class.getClassLoader(),
                new Class<?>[] {UserMail.class}, (proxy, method, args) -> {
                    if (method.getName().equals("mailboxes")) {
                        throw new IllegalStateException("index corrupted at offset 42");
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        MailStore failing = new OneUserStore(broken, "pw");
        try (TestServer server = TestServer.start(failing, TestServer.testOptions());
             RawImap imap = new RawImap(server.port()).login(TestServer.ALICE, "pw")) {
            List<String> lines = imap.command("LIST \"\" *");
            assertEquals(List.of("t2 NO [SERVERBUG] Internal server error; the command was not completed"), lines);
            expectOk(imap.command("SELECT INBOX"));
            assertEquals(Optional.empty(), lines.stream().filter(l -> l.contains("offset 42")).findAny());
        }
    }
}
