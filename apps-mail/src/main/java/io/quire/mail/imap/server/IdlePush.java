package io.quire.mail.imap.server;

import io.quire.mail.imap.encode.ResponseWriter;
import io.quire.mail.imap.handler.Dispatcher;
import io.quire.mail.imap.handler.Outcome;
import io.quire.mail.imap.handler.Texts;
import io.quire.mail.imap.protocol.ResponseStatus;
import io.quire.mail.imap.protocol.Tag;
import io.quire.mail.imap.session.ImapSession;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Pushes mailbox changes to an idling client at once (RFC 2177 §3): on every store notification (the store's watch
 * reports local commits and merges from other replicas alike), and every {@code poll} as a fallback. One sync runs
 * at a time; a notification that arrives meanwhile runs another afterwards.
 *
 * <p>When nothing was pushed for {@code keepalive}, it sends {@code * OK Still here}: an idling connection is
 * otherwise silent for up to the 29 minutes RFC 2177 allows, longer than many NAT tables and firewalls keep a
 * TCP flow (RFC 5382 §5 only asks for 2 hours 4 minutes), and clients use the traffic to see the server is alive.
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
    private final Duration keepalive;
    private final Consumer<Buffer> write;
    private final Consumer<String> bye;
    private final BooleanSupplier closed;
    private Tag tag;
    private boolean running;
    private long timer = -1;
    private long keepaliveTimer = -1;

    IdlePush(Vertx vertx, SessionQueue queue, Dispatcher dispatcher, ImapSession session, SocketResponder responder,
             Duration poll, Duration keepalive, Consumer<Buffer> write, Consumer<String> bye, BooleanSupplier closed) {
        this.vertx = vertx;
        this.queue = queue;
        this.dispatcher = dispatcher;
        this.session = session;
        this.responder = responder;
        this.poll = poll;
        this.keepalive = keepalive;
        this.write = write;
        this.bye = bye;
        this.closed = closed;
    }

    /** IDLE began (its tag): push what is pending now, then whatever comes. */
    void start(Tag idleTag) {
        tag = idleTag;
        timer = vertx.setPeriodic(poll.toMillis(), id -> wake());
        armKeepalive();
        wake();
    }

    /** (Re)starts the keepalive clock: called when IDLE begins and whenever something was pushed. */
    private void armKeepalive() {
        if (keepaliveTimer >= 0) {
            vertx.cancelTimer(keepaliveTimer);
        }
        keepaliveTimer = vertx.setTimer(Math.max(1, keepalive.toMillis()), id -> {
            keepaliveTimer = -1;
            if (tag == null || closed.getAsBoolean()) {
                return;
            }
            write.accept(ResponseWriter.untagged(ResponseStatus.OK, Optional.empty(), Texts.STILL_HERE, false));
            armKeepalive();
        });
    }

    /** IDLE ended or the connection closed. */
    void stop() {
        tag = null;
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
        if (keepaliveTimer >= 0) {
            vertx.cancelTimer(keepaliveTimer);
            keepaliveTimer = -1;
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
                    if (ar.result().untagged().length() > 0 && tag != null) {
                        armKeepalive();
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
