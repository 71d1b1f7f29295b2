package io.quire.mail.imap.server;

import io.quire.mail.imap.session.ImapSession;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Logs out silent clients (RFC 9051 §5.4: at least 30 minutes once logged in; much shorter before, so anonymous
 * connections cannot be hoarded). The clock does not run while the server is answering a command. IDLE counts as
 * silence: clients re-issue IDLE well within the timeout (RFC 2177 §3).
 *
 * <p>Used on the connection's event loop only.
 */
final class Autologout {
    private final Vertx vertx;
    private final ImapOptions.Limits limits;
    private final ImapSession session;
    private final BooleanSupplier busy;
    private final BooleanSupplier closed;
    private final Runnable expire;
    private long lastActivity = System.nanoTime();
    private long timer = -1;

    Autologout(Vertx vertx, ImapOptions.Limits limits, ImapSession session, BooleanSupplier busy,
               BooleanSupplier closed, Runnable expire) {
        this.vertx = vertx;
        this.limits = limits;
        this.session = session;
        this.busy = busy;
        this.closed = closed;
        this.expire = expire;
    }

    /** Starts the clock; the first check comes at the shorter limit, whichever state the session will be in. */
    void start() {
        arm(Math.min(limits.idleTimeout().toNanos(), limits.preAuthTimeout().toNanos()));
    }

    /** The client sent something, or the server just answered. */
    void touch() {
        lastActivity = System.nanoTime();
    }

    /** Stops the clock (the connection closed). */
    void stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
    }

    private long limit() {
        return (session.state().isAuthenticated() ? limits.idleTimeout() : limits.preAuthTimeout()).toNanos();
    }

    private void arm(long delayNanos) {
        timer = vertx.setTimer(Math.max(1, TimeUnit.NANOSECONDS.toMillis(delayNanos)), id -> {
            timer = -1;
            if (closed.getAsBoolean()) {
                return;
            }
            long idle = System.nanoTime() - lastActivity;
            long limit = limit();
            if (busy.getAsBoolean() || idle < limit) {
                arm(busy.getAsBoolean() ? limit : limit - idle);
                return;
            }
            expire.run();
        });
    }
}
