package io.quire.mail.smtp;

import io.quire.mail.delivery.DeliveryResult;
import io.quire.mail.delivery.MailDelivery;
import io.quire.mail.delivery.RecipientCheck;
import io.quire.mail.smtp.core.SmtpSession;
import io.quire.mail.smtp.core.Step;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects one {@link NetSocket} to one {@link SmtpSession}: feeds it bytes, performs its steps, and keeps the
 * connection bounded in time (idle timeout) and memory (read pausing).
 *
 * <p>Everything runs on the connection's event loop; answers from the store, which may complete anywhere, are
 * brought back to it with {@link Context#runOnContext}. The socket is not paused while the store works: bytes keep
 * flowing into the session (which bounds each line) so that nothing sent before STARTTLS can wait in Vert.x's
 * buffers and be read after it; reading pauses only if a client piles up more than {@link #MAX_BUFFERED} octets
 * or stops reading our replies.
 */
final class ReceiverConnection {

    private static final Logger LOG = LoggerFactory.getLogger(ReceiverConnection.class);
    /** Enough for a full pipelined batch (100 RCPT lines of 1000 octets) twice over. */
    static final int MAX_BUFFERED = 256 * 1024;

    private final Vertx vertx;
    private final Context context;
    private final NetSocket socket;
    private final SmtpSession session;
    private final MailDelivery delivery;
    private final ReceiverOptions options;
    private final Consumer<ReceiverConnection> onClosed;
    private final Promise<Void> closed = Promise.promise();
    private Buffer outgoing = Buffer.buffer();
    private boolean awaiting;
    private boolean upgrading;
    private boolean paused;
    private boolean done;
    private long lastActivity = System.nanoTime();
    private long timer = -1;

    ReceiverConnection(Vertx vertx, NetSocket socket, SmtpSession session, MailDelivery delivery,
            ReceiverOptions options, Consumer<ReceiverConnection> onClosed) {
        this.vertx = vertx;
        this.context = vertx.getOrCreateContext();
        this.socket = socket;
        this.session = session;
        this.delivery = delivery;
        this.options = options;
        this.onClosed = onClosed;
    }

    void start() {
        socket.handler(this::onData);
        socket.exceptionHandler(e -> LOG.debug("connection error", e));
        socket.closeHandler(v -> {
            done = true;
            if (timer >= 0) {
                vertx.cancelTimer(timer);
            }
            onClosed.accept(this);
            closed.tryComplete();
        });
        socket.drainHandler(v -> flowControl());
        armTimer(options.idleTimeout().toNanos());
        drive();
    }

    private void onData(Buffer data) {
        lastActivity = System.nanoTime();
        if (done || upgrading) {
            return; // RFC 3207 §4.2: nothing sent between STARTTLS and the handshake may be used
        }
        session.receive(data.getBytes());
        if (!awaiting) {
            drive();
        }
        flowControl();
    }

    /** Performs the session's steps until it needs input or an answer. */
    private void drive() {
        try {
            while (!done) {
                switch (session.next()) {
                    case Step.Write write -> outgoing.appendBytes(write.bytes());
                    case Step.NeedInput needInput -> {
                        flush();
                        return;
                    }
                    case Step.CheckRecipient check -> {
                        flush();
                        ask(() -> delivery.checkRecipient(check.address()), this::recipientChecked);
                        return;
                    }
                    case Step.Deliver deliver -> {
                        flush();
                        ask(() -> delivery.deliver(deliver.envelope(), deliver.content()), this::delivered);
                        return;
                    }
                    case Step.StartTls startTls -> {
                        startTls();
                        return;
                    }
                    case Step.Close close -> {
                        flush();
                        finish();
                        return;
                    }
                }
            }
        } catch (RuntimeException e) {
            internalError(e);
        }
    }

    /** A bug, not a client error: log it, tell the client to come back later, and drop the connection. */
    private void internalError(RuntimeException e) {
        LOG.error("mail session failed", e);
        outgoing = Buffer.buffer("421 4.3.0 Internal error, closing connection\r\n");
        flush();
        finish();
    }

    /** Calls the store and resumes on this connection's context with its answer, whatever thread gives it. */
    private <T> void ask(Supplier<Future<T>> call, Handler<AsyncResult<T>> then) {
        awaiting = true;
        Future<T> future;
        try {
            future = call.get();
        } catch (RuntimeException e) {
            future = Future.failedFuture(e);
        }
        future.onComplete(ar -> context.runOnContext(v -> {
            awaiting = false;
            lastActivity = System.nanoTime();
            if (!done) {
                try {
                    then.handle(ar);
                } catch (RuntimeException e) {
                    internalError(e);
                    return;
                }
                drive();
                flowControl();
            }
        }));
    }

    private void recipientChecked(AsyncResult<RecipientCheck> ar) {
        if (ar.succeeded() && ar.result() != null) {
            session.recipientChecked(ar.result());
        } else {
            LOG.warn("recipient check failed", ar.cause());
            session.recipientCheckFailed(ar.cause());
        }
    }

    private void delivered(AsyncResult<List<DeliveryResult>> ar) {
        if (ar.succeeded()) {
            session.delivered(ar.result());
        } else {
            LOG.warn("delivery failed", ar.cause());
            session.deliveryFailed(ar.cause());
        }
    }

    /**
     * Sends the 220 and starts TLS. Vert.x writes the reply, pauses reading, and installs the TLS handler before
     * reading again, so the client's ClientHello can never be mistaken for a command.
     */
    private void startTls() {
        if (paused) {
            finish(); // a client that flooded us and then asks for TLS: not worth the risk of stale plaintext
            return;
        }
        upgrading = true;
        Buffer reply = outgoing;
        outgoing = Buffer.buffer();
        socket.upgradeToSsl(options.tls().orElseThrow(), reply).onComplete(ar -> {
            upgrading = false;
            if (ar.failed()) {
                LOG.debug("TLS handshake failed", ar.cause());
                finish();
                return;
            }
            lastActivity = System.nanoTime();
            try {
                session.tlsStarted();
            } catch (RuntimeException e) {
                internalError(e);
                return;
            }
            drive();
        });
    }

    /** Pauses reading while the client piles up input or does not read our replies; resumes when both clear. */
    private void flowControl() {
        boolean shouldPause = !done && (session.bufferedInput() > MAX_BUFFERED || socket.writeQueueFull());
        if (shouldPause && !paused) {
            paused = true;
            socket.pause();
        } else if (!shouldPause && paused) {
            paused = false;
            socket.resume();
        }
    }

    private void flush() {
        if (outgoing.length() > 0) {
            socket.write(outgoing);
            outgoing = Buffer.buffer();
        }
    }

    private void finish() {
        if (!done) {
            done = true;
            socket.close();
        }
    }

    /** The idle check: RFC 5321 §4.5.3.2.7's server timeout, suspended while the store is working. */
    private void armTimer(long delayNanos) {
        timer = vertx.setTimer(Math.max(1, TimeUnit.NANOSECONDS.toMillis(delayNanos)), id -> {
            timer = -1;
            if (done) {
                return;
            }
            long idle = System.nanoTime() - lastActivity;
            long limit = options.idleTimeout().toNanos();
            if (awaiting || idle < limit) {
                armTimer(awaiting ? limit : limit - idle);
                return;
            }
            socket.write(Buffer.buffer(session.idleTimeout()));
            finish();
        });
    }

    /** Tells the client the server is going away ({@code 421 4.3.2}) and closes; completes when closed. */
    Future<Void> shutdown() {
        context.runOnContext(v -> {
            if (!done) {
                flush();
                socket.write(Buffer.buffer(session.shutdown()));
                finish();
            }
        });
        return closed.future();
    }
}
