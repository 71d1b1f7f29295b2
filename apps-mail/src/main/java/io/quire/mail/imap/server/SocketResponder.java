package io.quire.mail.imap.server;

import io.quire.mail.imap.encode.ResponseWriter;
import io.quire.mail.imap.session.ImapSession;
import io.quire.mail.imap.session.Response;
import io.quire.mail.imap.session.Responder;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Encodes a session's untagged responses on the worker thread that produces them and hands them to the socket on
 * the event loop in chunks, so a FETCH of many bodies never sits in memory whole. When the client reads slower
 * than the server writes, the worker waits (backpressure) rather than buffering without bound.
 */
final class SocketResponder implements Responder {
    /** Hand a chunk to the event loop once this many octets are encoded. */
    static final int CHUNK = 64 * 1024;
    /** Wait while this many octets are handed over but not yet written to the socket. */
    static final long MAX_IN_FLIGHT = 1024 * 1024;

    private final Context context;
    private final NetSocket socket;
    private final ImapSession session;
    private final long maxWaitNanos;
    private final AtomicLong inFlight = new AtomicLong();
    private final Object drained = new Object();
    private volatile boolean closed;
    private Buffer pending = Buffer.buffer();

    SocketResponder(Context context, NetSocket socket, ImapSession session, long maxWaitNanos) {
        this.context = context;
        this.socket = socket;
        this.session = session;
        this.maxWaitNanos = maxWaitNanos;
    }

    @Override
    public void send(Response response) {
        if (closed) {
            throw new ConnectionClosed();
        }
        ResponseEncoder.write(new ResponseWriter(pending, session.utf8()), response);
        if (pending.length() >= CHUNK) {
            handOver();
            awaitDrain();
        }
    }

    /** What is encoded but not handed over yet; the connection writes it before the tagged response. */
    Buffer take() {
        Buffer b = pending;
        pending = Buffer.buffer();
        return b;
    }

    /** Called on the event loop when the socket's write queue drained, or when the connection closed. */
    void wake() {
        synchronized (drained) {
            drained.notifyAll();
        }
    }

    /** Stops producers: the next {@link #send} fails and waiting ones give up. */
    void close() {
        closed = true;
        wake();
    }

    private void handOver() {
        Buffer chunk = take();
        inFlight.addAndGet(chunk.length());
        context.runOnContext(v -> {
            inFlight.addAndGet(-chunk.length());
            if (!closed) {
                socket.write(chunk);
            }
            wake();
        });
    }

    private void awaitDrain() {
        long deadline = System.nanoTime() + maxWaitNanos;
        synchronized (drained) {
            while (!closed && (inFlight.get() > MAX_IN_FLIGHT || socket.writeQueueFull())) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new ConnectionClosed();
                }
                try {
                    drained.wait(Math.min(TimeUnit.NANOSECONDS.toMillis(left) + 1, 200));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ConnectionClosed();
                }
            }
        }
        if (closed) {
            throw new ConnectionClosed();
        }
    }

    /** The client went away or stopped reading: the running command is abandoned. */
    static final class ConnectionClosed extends UncheckedIOException {
        private static final long serialVersionUID = 1L;

        ConnectionClosed() {
            super(new IOException("connection closed"));
        }
    }
}
