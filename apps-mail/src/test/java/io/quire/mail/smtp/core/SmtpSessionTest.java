package io.quire.mail.smtp.core;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.mail.delivery.MessageContent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmtpSessionTest {

    private static final String RECEIVED_DATE = "Fri, 1 Mar 2024 12:34:56 +0000";

    private static String str(byte[] bytes) {
        return new String(bytes, UTF_8);
    }

    @Test
    void storedCopyShouldBeTraceHeadersFollowedByTheUnstuffedMessage() {
        var d = new SessionDriver(SessionDriver.smtp());
        d.feed("EHLO client.example\r\nMAIL FROM:<alice@example.org>\r\nRCPT TO:<bob@example.org>\r\nDATA\r\n");
        d.feed("Subject: hi\r\n\r\n..dot\r\n...two\r\n.x\r\nend\r\n.\r\n");

        var delivery = d.store.deliveries.get(0);
        MessageContent content = delivery.content();
        assertEquals("Return-Path: <alice@example.org>\r\nDelivered-To: bob@example.org\r\n", str(content.prefix(0)));
        assertEquals("Received: from client.example ([192.0.2.7])\r\n"
                + "\tby mx.test (Quire) with ESMTP id S1-1\r\n"
                + "\tfor <bob@example.org>; " + RECEIVED_DATE + "\r\n"
                + "Subject: hi\r\n\r\n.dot\r\n..two\r\nx\r\nend\r\n", str(content.shared()));
        assertEquals(str(content.prefix(0)) + str(content.shared()), str(content.copyFor(0)));
        assertEquals(content.copyFor(0).length, content.size(0));
    }

    @Test
    void envelopeShouldCarryTheConnectionFactsAndReceptionTime() {
        var d = new SessionDriver(SessionDriver.smtp());
        d.feed("EHLO client.example\r\nMAIL FROM:<>\r\nRCPT TO:<bob@example.org>\r\nDATA\r\nx\r\n.\r\n");

        var env = d.store.deliveries.get(0).envelope();
        assertEquals("", env.mailFrom());
        assertTrue(env.nullSender());
        assertEquals(List.of("bob@example.org"), env.recipients());
        assertEquals("client.example", env.heloName());
        assertEquals("192.0.2.7", env.remoteAddress());
        assertFalse(env.utf8());
        assertEquals(Instant.parse("2024-03-01T12:34:56Z"), env.received());
        assertEquals("Return-Path: <>\r\nDelivered-To: bob@example.org\r\n",
                str(d.store.deliveries.get(0).content().prefix(0)));
    }

    @Test
    void severalRecipientsShouldShareTheBodyAndGetTheirOwnPrefix() {
        var d = new SessionDriver(SessionDriver.smtp());
        d.feed("EHLO c.example\r\nMAIL FROM:<a@example.org>\r\nRCPT TO:<b@example.org>\r\n"
                + "RCPT TO:<c@example.org>\r\nDATA\r\nbody\r\n.\r\n");

        var content = d.store.deliveries.get(0).content();
        assertEquals(2, content.recipientCount());
        assertEquals("Return-Path: <a@example.org>\r\nDelivered-To: b@example.org\r\n", str(content.prefix(0)));
        assertEquals("Return-Path: <a@example.org>\r\nDelivered-To: c@example.org\r\n", str(content.prefix(1)));
        // No "for" clause with two recipients: it would disclose Bcc recipients (RFC 5321 §7.2).
        assertEquals("Received: from c.example ([192.0.2.7])\r\n\tby mx.test (Quire) with ESMTP id S1-1; "
                + RECEIVED_DATE + "\r\nbody\r\n", str(content.shared()));
    }

    @Test
    void emptyMessageShouldHoldOnlyTheTraceField() {
        var d = new SessionDriver(SessionDriver.smtp());
        d.feed("HELO c.example\r\nMAIL FROM:<a@example.org>\r\nRCPT TO:<b@example.org>\r\nDATA\r\n.\r\n");

        assertEquals("Received: from c.example ([192.0.2.7])\r\n\tby mx.test (Quire) with SMTP id S1-1\r\n"
                + "\tfor <b@example.org>; " + RECEIVED_DATE + "\r\n", str(d.store.deliveries.get(0).content().shared()));
    }

    @Test
    void receivedShouldNameTheProtocolAsRegisteredByRfc3848AndRfc6531() {
        assertEquals("SMTP", Protocol.SMTP.withKeyword(false, false, false));
        assertEquals("ESMTP", Protocol.SMTP.withKeyword(true, false, false));
        assertEquals("ESMTPS", Protocol.SMTP.withKeyword(true, true, false));
        assertEquals("UTF8SMTP", Protocol.SMTP.withKeyword(true, false, true));
        assertEquals("UTF8SMTPS", Protocol.SMTP.withKeyword(true, true, true));
        assertEquals("LMTP", Protocol.LMTP.withKeyword(true, false, false));
        assertEquals("LMTPS", Protocol.LMTP.withKeyword(true, true, false));
        assertEquals("UTF8LMTP", Protocol.LMTP.withKeyword(true, false, true));
    }

    @Test
    void smtputf8MessageShouldBeMarkedUtf8InEnvelopeAndTrace() {
        var d = new SessionDriver(SessionDriver.smtp());
        d.feed("EHLO c.example\r\nMAIL FROM:<jörg@example.org> SMTPUTF8\r\nRCPT TO:<bob@example.org>\r\n"
                + "DATA\r\nSubject: grüße\r\n.\r\n");

        var delivery = d.store.deliveries.get(0);
        assertTrue(delivery.envelope().utf8());
        assertTrue(str(delivery.content().shared()).contains("with UTF8SMTP id"));
        assertTrue(str(delivery.content().shared()).endsWith("Subject: grüße\r\n"));
    }

    @Test
    void startTlsShouldDropPipelinedPlaintextAndRequireANewGreeting() {
        var d = new SessionDriver(SessionDriver.smtp().withTls(true));
        d.feed("EHLO c.example\r\nSTARTTLS\r\nMAIL FROM:<evil@example.org>\r\n");
        d.feed("RCPT TO:<bob@example.org>\r\n");
        assertEquals(1, d.tlsUpgrades);
        assertTrue(d.output().endsWith("220 2.0.0 Ready to start TLS\r\n"));
        d.output.reset();

        d.completeTls();
        assertTrue(d.session.tlsActive());
        d.feed("MAIL FROM:<a@example.org>\r\nEHLO c.example\r\nSTARTTLS\r\nMAIL FROM:<a@example.org>\r\n"
                + "RCPT TO:<b@example.org>\r\nDATA\r\nx\r\n.\r\n");

        String out = d.output();
        assertTrue(out.startsWith("503 5.5.1 Send HELO/EHLO first\r\n250-mx.test greets c.example\r\n"), out);
        assertFalse(out.contains("STARTTLS\r\n"), out);
        assertTrue(out.contains("503 5.5.1 TLS already active\r\n"), out);
        assertTrue(str(d.store.deliveries.get(0).content().shared()).contains("with ESMTPS id S1-1"));
    }

    @Test
    void pipelinedCommandsShouldBeAnsweredInOneWrite() {
        var d = new SessionDriver(SessionDriver.smtp());
        d.feed("EHLO c.example\r\n");
        int before = d.writes;
        d.feed("MAIL FROM:<a@example.org>\r\nRCPT TO:<unknown@example.org>\r\nRCPT TO:<b@example.org>\r\n"
                + "RCPT TO:<c@example.org>\r\nDATA\r\n");
        assertEquals(before + 1, d.writes, "RFC 2920 §3.2: the replies to one batch go out together");
        assertTrue(d.output().endsWith("250 2.1.0 Sender OK\r\n550 5.1.1 No such user here\r\n"
                + "250 2.1.5 Recipient OK\r\n250 2.1.5 Recipient OK\r\n354 End data with <CR><LF>.<CR><LF>\r\n"));
    }

    @Test
    void lmtpDeliveryFailureShouldAnswerTemporaryFailureForEachRecipient() {
        var d = new SessionDriver(SessionDriver.lmtp());
        d.store.failNextDelivery = true;
        d.feed("LHLO c.example\r\nMAIL FROM:<a@example.org>\r\nRCPT TO:<b@example.org>\r\n"
                + "RCPT TO:<c@example.org>\r\nDATA\r\nx\r\n.\r\n");
        assertTrue(d.output().endsWith("354 End data with <CR><LF>.<CR><LF>\r\n"
                + "451 4.3.0 Temporary failure, please try again later\r\n"
                + "451 4.3.0 Temporary failure, please try again later\r\n"), d.output());
    }

    @Test
    void resultListOfTheWrongLengthShouldNeverBeTakenAsSuccess() {
        var session = new SmtpSession(SessionDriver.lmtp(), new ConnectionInfo("::1", "S2"));
        session.receive("LHLO c.example\r\nMAIL FROM:<a@example.org>\r\nRCPT TO:<b@example.org>\r\n"
                .getBytes(UTF_8));
        // Batching: the greeting, LHLO and MAIL replies wait while the store is asked about the recipient.
        var check = assertInstanceOf(Step.CheckRecipient.class, session.next());
        assertEquals("b@example.org", check.address());
        session.recipientChecked(io.quire.mail.delivery.RecipientCheck.accepted());
        assertInstanceOf(Step.Write.class, session.next());
        assertInstanceOf(Step.NeedInput.class, session.next());
        session.receive("DATA\r\nx\r\n.\r\n".getBytes(UTF_8));
        assertInstanceOf(Step.Write.class, session.next()); // the 354
        var deliver = assertInstanceOf(Step.Deliver.class, session.next());
        assertTrue(str(deliver.content().shared()).startsWith("Received: from c.example ([IPv6:::1])"));
        session.delivered(List.of());
        var write = assertInstanceOf(Step.Write.class, session.next());
        assertEquals("451 4.3.0 Temporary failure, please try again later\r\n", str(write.bytes()));
    }

    @Test
    void idleTimeoutShouldAnswer421AndClose() {
        var d = new SessionDriver(SessionDriver.smtp());
        assertArrayEquals("421 4.4.2 mx.test Timeout, closing connection\r\n".getBytes(UTF_8),
                d.session.idleTimeout());
        assertInstanceOf(Step.Close.class, d.session.next());
    }

    @Test
    void awaitingStoreShouldBeTrueOnlyWhileTheStoreHasTheBall() {
        var session = new SmtpSession(SessionDriver.smtp(), new ConnectionInfo("192.0.2.1", "S3"));
        session.receive("EHLO c.example\r\nMAIL FROM:<a@example.org>\r\nRCPT TO:<b@example.org>\r\n"
                .getBytes(UTF_8));
        assertInstanceOf(Step.CheckRecipient.class, session.next());
        assertTrue(session.awaitingStore());
        session.recipientCheckFailed(new RuntimeException("down"));
        assertFalse(session.awaitingStore());
        var write = assertInstanceOf(Step.Write.class, session.next());
        assertTrue(str(write.bytes()).endsWith("451 4.3.0 Temporary failure, please try again later\r\n"));
    }
}
