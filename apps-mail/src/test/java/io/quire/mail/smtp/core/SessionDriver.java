package io.quire.mail.smtp.core;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Runs a {@link SmtpSession} against a {@link FakeStore}, answering every step at once, and records the output. */
final class SessionDriver {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-03-01T12:34:56Z"), ZoneOffset.UTC);

    final SmtpSession session;
    final FakeStore store = new FakeStore();
    final ByteArrayOutputStream output = new ByteArrayOutputStream();
    int writes;
    int tlsUpgrades;
    boolean closed;
    boolean tlsPending;

    SessionDriver(SmtpConfig config) {
        session = new SmtpSession(config, new ConnectionInfo("192.0.2.7", "S1"));
        drain();
    }

    static SmtpConfig smtp() {
        return SmtpConfig.defaults(Protocol.SMTP, "mx.test").withClock(CLOCK);
    }

    static SmtpConfig lmtp() {
        return SmtpConfig.defaults(Protocol.LMTP, "mx.test").withClock(CLOCK);
    }

    void feed(byte[] chunk) {
        session.receive(chunk);
        drain();
    }

    void feed(String text) {
        feed(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Completes the TLS handshake the session asked for; bytes fed meanwhile were dropped. */
    void completeTls() {
        tlsPending = false;
        session.tlsStarted();
        drain();
    }

    String output() {
        return output.toString(StandardCharsets.UTF_8);
    }

    private void drain() {
        while (!closed && !tlsPending) {
            switch (session.next()) {
                case Step.Write w -> {
                    output.writeBytes(w.bytes());
                    writes++;
                }
                case Step.NeedInput n -> {
                    return;
                }
                case Step.CheckRecipient c -> {
                    var check = store.check(c.address());
                    if (check == null) {
                        session.recipientCheckFailed(new RuntimeException("lookup failed"));
                    } else {
                        session.recipientChecked(check);
                    }
                }
                case Step.Deliver d -> {
                    var results = store.deliver(d.envelope(), d.content());
                    if (results == null) {
                        session.deliveryFailed(new RuntimeException("store down"));
                    } else {
                        session.delivered(results);
                    }
                }
                case Step.StartTls t -> {
                    tlsUpgrades++;
                    tlsPending = true;
                }
                case Step.Close c -> closed = true;
            }
        }
    }
}
