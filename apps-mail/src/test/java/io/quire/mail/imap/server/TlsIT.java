package io.quire.mail.imap.server;

import static io.quire.mail.imap.server.RawImap.expectOk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.mail.smtp.Clients;
import io.quire.mail.smtp.TestTls;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.OptionalInt;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * STARTTLS (RFC 9051 §6.2.1) and implicit TLS (RFC 8314), with Python's imaplib and raw sockets: LOGINDISABLED
 * until TLS when plaintext login is off, and nothing pipelined after STARTTLS is executed (CVE-2011-0411).
 */
class TlsIT {
    @TempDir
    static Path dir;
    static RealMailStore store;
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        store = RealMailStore.withTestUsers();
        ImapOptions options = TestServer.testOptions().withTls(TestTls.serverOptions(dir), OptionalInt.of(0))
                .withPlaintextLogin(false);
        server = TestServer.start(store.store(), options);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        store.close();
    }

    @Test
    void passwordsWaitForTls() throws Exception {
        try (RawImap imap = new RawImap(server.port())) {
            List<String> caps = imap.command("CAPABILITY");
            assertTrue(caps.getFirst().contains(" STARTTLS") && caps.getFirst().contains(" LOGINDISABLED")
                    && !caps.getFirst().contains("AUTH=PLAIN"), caps.toString());
            assertEquals("t2 NO [PRIVACYREQUIRED] Use STARTTLS or the TLS port before logging in",
                    imap.command("LOGIN alice@example.org secret").getLast());
            assertEquals("t3 NO [PRIVACYREQUIRED] Use STARTTLS or the TLS port before logging in",
                    imap.command("AUTHENTICATE PLAIN AGFsaWNlQGV4YW1wbGUub3JnAHNlY3JldA==").getLast());
        }
    }

    @Test
    void imaplibLogsInAfterStarttlsAndOnTheTlsPort() {
        String script = """
                import imaplib, ssl, sys
                ctx = ssl.create_default_context()
                ctx.check_hostname = False
                ctx.verify_mode = ssl.CERT_NONE
                m = imaplib.IMAP4("127.0.0.1", int(sys.argv[1]))
                print("before", "STARTTLS" in m.capabilities, "LOGINDISABLED" in m.capabilities)
                m.starttls(ssl_context=ctx)
                print("after", "STARTTLS" in m.capabilities, "AUTH=PLAIN" in m.capabilities)
                print(m.login("alice@example.org", "secret")[0])
                print(m.select("INBOX")[0])
                m.logout()
                s = imaplib.IMAP4_SSL("127.0.0.1", int(sys.argv[2]), ssl_context=ctx)
                print("implicit", "STARTTLS" in s.capabilities, s.login("alice@example.org", "secret")[0])
                s.logout()
                """;
        Clients.Result r = Clients.python(script, Integer.toString(server.port()),
                Integer.toString(server.server().tlsPort().orElseThrow()));
        assertEquals(0, r.exit(), r.all());
        assertEquals("before True True\nafter False True\nOK\nOK\nimplicit False OK\n", r.stdout(), r.all());
    }

    @Test
    void commandsPipelinedAfterStarttlsAreDropped() throws Exception {
        try (Socket plain = new Socket("127.0.0.1", server.port())) {
            InputStream in = plain.getInputStream();
            line(in);
            plain.getOutputStream().write("a1 STARTTLS\r\na2 LOGIN alice@example.org secret\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            assertEquals("a1 OK Begin TLS negotiation now", line(in));
            SSLSocket tls = (SSLSocket) trustAll().getSocketFactory().createSocket(plain, "127.0.0.1",
                    server.port(), true);
            tls.startHandshake();
            tls.getOutputStream().write("a3 NOOP\r\n".getBytes(StandardCharsets.US_ASCII));
            assertEquals("a3 OK NOOP completed", line(tls.getInputStream()), "a2 was never run");
            tls.getOutputStream().write("a4 LOGIN alice@example.org secret\r\n".getBytes(StandardCharsets.US_ASCII));
            assertTrue(line(tls.getInputStream()).startsWith("a4 OK [CAPABILITY"));
            tls.getOutputStream().write("a5 STARTTLS\r\n".getBytes(StandardCharsets.US_ASCII));
            assertEquals("a5 BAD STARTTLS is not valid in the authenticated state", line(tls.getInputStream()));
        }
    }

    @Test
    void theTlsPortNeverOffersStarttls() throws Exception {
        try (SSLSocket tls = (SSLSocket) trustAll().getSocketFactory().createSocket("127.0.0.1",
                server.server().tlsPort().orElseThrow())) {
            String greeting = line(tls.getInputStream());
            assertTrue(greeting.startsWith("* OK [CAPABILITY ") && !greeting.contains("STARTTLS")
                    && greeting.contains("AUTH=PLAIN"), greeting);
        }
        try (RawImap plain = new RawImap(server.port())) {
            expectOk(plain.command("NOOP"));
        }
    }

    private static String line(InputStream in) throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            b.write(c);
        }
        String s = b.toString(StandardCharsets.UTF_8);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    private static SSLContext trustAll() throws Exception {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        return ctx;
    }
}
