package io.quire.mail.imap.server;

import io.quire.mail.imap.handler.Dispatcher;
import io.quire.mail.imap.handler.Outcome;
import io.quire.mail.imap.protocol.Tag;
import io.quire.mail.imap.session.ImapSession;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Pushes mailbox changes to an idling client at once (RFC 2177 §3): on every store notification (the store's watch
 * reports local commits and merges from other replicas alike), and every {@code poll} as a fallback. One sync runs
 * at a time; a notification that arrives meanwhile runs another afterwards.
 *
 * <p>Used on the connection's event loop only.
 */
final class IdlePush {
    private final Vertx vertx;
    private final SessionQueue queue;
    private final Dispatcher dispatcher;
    private final ImapSession session;
    private final SocketResponder responder;
    private final Duration poll;
    private final Consumer<Buffer> write;
    private final Consumer<String> bye;
    private final BooleanSupplier closed;
    private Tag tag;
    private boolean running;
    private long timer = -1;

    IdlePush(Vertx vertx, SessionQueue queue, Dispatcher dispatcher, ImapSession session, SocketResponder responder,
             Duration poll, Consumer<Buffer> write, Consumer<String> bye, BooleanSupplier closed) {
        this.vertx = vertx;
        this.queue = queue;
        this.dispatcher = dispatcher;
        this.session = session;
        this.responder = responder;
        this.poll = poll;
        this.write = write;
        this.bye = bye;
        this.closed = closed;
    }

    /** IDLE began (its tag): push what is pending now, then whatever comes. */
    void start(Tag idleTag) {
        tag = idleTag;
        timer = vertx.setPeriodic(poll.toMillis(), id -> wake());
        wake();
    }

    /** IDLE ended or the connection closed. */
    void stop() {
        tag = null;
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
    }

    /** The store reported a change: sync now if idling. */
    void wake() {
        if (tag == null || running || closed.getAsBoolean()) {
            return;
        }
        running = true;
        session.takeDirty();
        Tag t = tag;
        queue.submit(() -> new Pushed(dispatcher.idleSync(t, session, responder), responder.take()))
                .onComplete(ar -> {
                    running = false;
                    if (closed.getAsBoolean() || ar.failed()) {
                        return;
                    }
                    write.accept(ar.result().untagged());
                    if (ar.result().outcome() instanceof Outcome.Bye b) {
                        bye.accept(b.text());
                    } else if (session.takeDirty()) {
                        wake();
                    }
                });
    }

    private record Pushed(Outcome outcome, Buffer untagged) {
    }
}
