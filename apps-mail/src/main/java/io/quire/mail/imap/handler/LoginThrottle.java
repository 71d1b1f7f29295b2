package io.quire.mail.imap.handler;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Slows down password guessing per client IP address: each failed login within {@code window} doubles the delay
 * before the next failure is answered (from {@code base} up to {@code max}), and after {@code maxFailures} the
 * address may not try again until the window has passed since its last failure.
 *
 * <p>Counted per address rather than per connection, so opening new connections does not reset it. Memory is
 * bounded: only the {@value #MAX_ADDRESSES} most recently failing addresses are remembered. Thread-safe.
 */
public final class LoginThrottle {
    static final int MAX_ADDRESSES = 10_000;

    private final Duration base;
    private final Duration max;
    private final Duration window;
    private final int maxFailures;
    private final Clock clock;
    private final Map<String, Failures> failures = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
            return size() > MAX_ADDRESSES;
        }
    };

    /** A throttle with these limits; {@code base} zero turns delays off (tests). */
    public LoginThrottle(Duration base, Duration max, Duration window, int maxFailures, Clock clock) {
        this.base = base;
        this.max = max;
        this.window = window;
        this.maxFailures = maxFailures;
        this.clock = clock;
    }

    /** Defaults: 250 ms doubling to 8 s, at most 20 failures per 15 minutes. */
    public static LoginThrottle defaults(Clock clock) {
        return new LoginThrottle(Duration.ofMillis(250), Duration.ofSeconds(8), Duration.ofMinutes(15), 20, clock);
    }

    /** Whether the address has failed too often to be allowed to try now. */
    public synchronized boolean blocked(String address) {
        Failures f = current(address);
        return f != null && f.count >= maxFailures;
    }

    /** Records a failure and returns how long to wait before answering it. */
    public synchronized Duration failed(String address) {
        Failures f = current(address);
        int count = f == null ? 1 : f.count + 1;
        failures.put(address, new Failures(count, clock.instant()));
        if (base.isZero()) {
            return Duration.ZERO;
        }
        long factor = 1L << Math.min(count - 1, 20);
        Duration d = base.multipliedBy(factor);
        return d.compareTo(max) > 0 ? max : d;
    }

    /** Forgets the address's failures after a successful login. */
    public synchronized void succeeded(String address) {
        failures.remove(address);
    }

    private Failures current(String address) {
        Failures f = failures.get(address);
        if (f != null && f.last.plus(window).isBefore(clock.instant())) {
            failures.remove(address);
            return null;
        }
        return f;
    }

    private record Failures(int count, Instant last) {
    }
}
