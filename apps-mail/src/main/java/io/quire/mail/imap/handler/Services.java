package io.quire.mail.imap.handler;

import io.quire.mail.store.MailStore;
import java.time.Clock;
import java.util.Objects;

/**
 * What handlers share across sessions: the store, settings, login throttling, per-user connection slots and the
 * cache of parsed bodies.
 */
public record Services(MailStore store, HandlerConfig config, LoginThrottle throttle, UserConnections connections,
                       BodyCache bodies, Clock clock) {
    /** Checks for nulls. */
    public Services {
        Objects.requireNonNull(store);
        Objects.requireNonNull(config);
        Objects.requireNonNull(throttle);
        Objects.requireNonNull(connections);
        Objects.requireNonNull(bodies);
        Objects.requireNonNull(clock);
    }
}
