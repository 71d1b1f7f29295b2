package io.quire.mail.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.mail.smtp.Clients;
import io.quire.sdk.remote.Wire;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mail app in a real node: the users API, and mail handed over by real clients (swaks, Python's
 * smtplib) over LMTP and SMTP, read back through the store.
 */
class MailAppIT {
    @TempDir
    static Path dir;
    static MailNode node;

    @BeforeAll
    static void start() throws Exception {
        node = MailNode.start(dir);
        assertEquals(201, node.createUser("alice@example.org", "alice-pw", "al@example.org").statusCode());
    }

    @AfterAll
    static void stop() {
        if (node != null) node.close();
    }

    @Test
    void createUserShouldAnswer201WithTheNameAndNoHash() {
        HttpResponse<String> r = node.createUser("Bob@Example.org", "bob-pw");
        assertEquals(201, r.statusCode(), r.body());
        JsonNode body = MailNode.json(r.body());
        assertEquals("bob@example.org", body.path("name").asText());
        assertFalse(r.body().contains("argon2"), r.body());
        String list = node.get("/api/v1/mail/users").body();
        assertTrue(list.contains("\"bob@example.org\"") && list.contains("\"alice@example.org\""), list);
        assertFalse(list.contains("argon2") || list.contains("passwordHash"), list);
    }

    @Test
    void usersApiShouldRefuseDuplicatesBadDomainsAndEmptyPasswordsAsProblems() {
        HttpResponse<String> dup = node.createUser("ALICE@example.org", "x");
        assertEquals(409, dup.statusCode(), dup.body());
        assertEquals("application/problem+json", dup.headers().firstValue("Content-Type").orElse(""));
        assertEquals("urn:quire:problem:already-exists", MailNode.json(dup.body()).path("type").asText());
        HttpResponse<String> domain = node.createUser("carol@example.com", "x");
        assertEquals(400, domain.statusCode(), domain.body());
        assertTrue(MailNode.json(domain.body()).path("detail").asText().contains("example.org"), domain.body());
        assertEquals(400, node.createUser("carol@example.org", "").statusCode());
        assertEquals(400, node.createUser("not an address", "x").statusCode());
        assertEquals(400, node.post("/api/v1/mail/users", Wire.object().put("password", "x")).statusCode());
        assertEquals(409, node.createUser("dave@example.org", "x", "al@example.org").statusCode(), "alias taken");
        HttpResponse<String> malformed = node.postRaw("/api/v1/mail/users", "{\"name\":");
        assertEquals(400, malformed.statusCode(), malformed.body());
        assertEquals("urn:quire:problem:malformed-json", MailNode.json(malformed.body()).path("type").asText());
    }

    @Test
    void swaksOverLmtpShouldDeliverToInboxWithTraceHeaders() throws Exception {
        Path data = Files.writeString(dir.resolve("lmtp.eml"), "From: sender@remote.test\r\nSubject: via lmtp\r\n\r\nhello lmtp\r\n");
        var r = Clients.swaks("--protocol", "LMTP", "--server", "127.0.0.1:" + node.lmtp, "--helo", "mx.remote.test",
                "--from", "sender@remote.test", "--to", "Al@example.org", "--data", "@" + data);
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.stdout().contains("<-  250 2.0.0 <Al@example.org>"), r.all());
        String stored = find("Subject: via lmtp");
        assertTrue(stored.startsWith("Return-Path: <sender@remote.test>\r\nDelivered-To: Al@example.org\r\n"
                + "Received: from mx.remote.test ([127.0.0.1])\r\n\tby "), stored);
        assertTrue(stored.contains(" (Quire) with LMTP id "), stored);
        assertTrue(stored.endsWith("From: sender@remote.test\r\nSubject: via lmtp\r\n\r\nhello lmtp\r\n\r\n"), stored);
    }

    @Test
    void unknownRecipientsShouldGet550Over5_1_1AndForeignDomains5_7_1() {
        var r = Clients.swaks("--protocol", "LMTP", "--server", "127.0.0.1:" + node.lmtp, "--from", "s@remote.test",
                "--to", "nobody@example.org", "--data", "Subject: x\r\n\r\nx\r\n");
        assertTrue(r.stdout().contains("<** 550 5.1.1"), r.all());
        var relay = Clients.swaks("--server", "127.0.0.1:" + node.smtp, "--from", "s@remote.test",
                "--to", "someone@elsewhere.test", "--data", "Subject: x\r\n\r\nx\r\n");
        assertTrue(relay.stdout().contains("<** 550 5.7.1"), relay.all());
    }

    @Test
    void pythonSmtplibOverSmtpShouldDeliverAndReportRefusedRecipients() throws Exception {
        var r = Clients.python("""
                import smtplib, sys
                s = smtplib.SMTP("127.0.0.1", int(sys.argv[1]), local_hostname="client.test")
                print(s.sendmail("py@remote.test", ["alice+py@example.org", "ghost@example.org"],
                                 b"Subject: via smtplib\\r\\n\\r\\nhi from python\\r\\n"))
                s.quit()
                """, String.valueOf(node.smtp));
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.stdout().contains("'ghost@example.org': (550, b'5.1.1"), r.all());
        String stored = find("Subject: via smtplib");
        assertTrue(stored.startsWith("Return-Path: <py@remote.test>\r\nDelivered-To: alice+py@example.org\r\n"), stored);
        assertTrue(stored.contains(" with ESMTP id "), stored);
    }

    @Test
    void mailApiShouldNeedTheAdminTokenAndNameMissingUsers() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var r = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(node.url() + "/api/v1/mail/users")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, r.statusCode());
        HttpResponse<String> missing = node.get("/api/v1/mail/users/nobody@example.org/mailboxes");
        assertEquals(404, missing.statusCode(), missing.body());
        assertTrue(missing.body().contains("no mail user"), missing.body());
        assertEquals(400, node.get("/api/v1/mail/users/alice@example.org/mailboxes/INBOX/messages?after=x").statusCode());
    }

    private static String find(String marker) {
        List<MailNode.Stored> inbox = node.messages("alice@example.org", "INBOX");
        return inbox.stream().map(m -> new String(m.raw(), StandardCharsets.UTF_8)).filter(s -> s.contains(marker))
                .findFirst().orElseThrow(() -> new AssertionError("no message with " + marker + " among " + inbox.size()));
    }
}
