package io.quire.mail.imap.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Failed-login throttling per address, and the per-user session slots. */
class LoginThrottleTest {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void delaysDoubleUpToTheMaximumAndThenTheAddressIsBlockedUntilTheWindowPasses() {
        LoginThrottle t = new LoginThrottle(Duration.ofMillis(250), Duration.ofSeconds(1), Duration.ofMinutes(10), 4,
                clock);
        assertEquals(Duration.ofMillis(250), t.failed("198.51.100.7"));
        assertEquals(Duration.ofMillis(500), t.failed("198.51.100.7"));
        assertEquals(Duration.ofSeconds(1), t.failed("198.51.100.7"));
        assertFalse(t.blocked("198.51.100.7"));
        assertEquals(Duration.ofSeconds(1), t.failed("198.51.100.7"));
        assertTrue(t.blocked("198.51.100.7"));
        assertFalse(t.blocked("198.51.100.8"), "per address");
        now = now.plus(Duration.ofMinutes(11));
        assertFalse(t.blocked("198.51.100.7"), "forgotten after the window");
        assertEquals(Duration.ofMillis(250), t.failed("198.51.100.7"));
    }

    @Test
    void aSuccessfulLoginForgetsTheFailures() {
        LoginThrottle t = LoginThrottle.defaults(clock);
        t.failed("a");
        t.failed("a");
        t.succeeded("a");
        assertEquals(Duration.ofMillis(250), t.failed("a"));
    }

    @Test
    void userSlotsAreCountedAndReleasedOnce() throws Exception {
        UserConnections c = new UserConnections(2);
        Optional<AutoCloseable> a = c.acquire("alice");
        Optional<AutoCloseable> b = c.acquire("alice");
        assertTrue(a.isPresent() && b.isPresent());
        assertTrue(c.acquire("alice").isEmpty());
        assertTrue(c.acquire("bob").isPresent());
        a.get().close();
        a.get().close();
        assertEquals(1, c.count("alice"), "closing twice releases once");
        assertTrue(c.acquire("alice").isPresent());
    }
}
