package io.quire.server.replication.transport;

import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A request body as a blocking InputStream for a worker thread (JGit's transport code is blocking).
 * Wire it up on the event loop, in the route handler, before handing off to a worker, or chunks are
 * lost (STACK.md). Back-pressure: the request is paused while more than {@value #HIGH} chunks wait.
 */
final class RequestInputStream extends InputStream {
    private static final int HIGH = 32, LOW = 8;
    private static final Buffer END = Buffer.buffer();

    private final LinkedBlockingQueue<Object> chunks = new LinkedBlockingQueue<>();
    private final HttpServerRequest request;
    private final Context context;
    private final long maxBytes;
    private long received;
    private volatile boolean paused;
    private Buffer current;
    private int pos;

    RequestInputStream(HttpServerRequest request, Context context, long maxBytes) {
        this.request = request;
        this.context = context;
        this.maxBytes = maxBytes;
        request.handler(b -> {
            received += b.length();
            if (received > maxBytes) {
                chunks.add(new IOException("request body over " + maxBytes + " bytes"));
                request.pause();
                return;
            }
            chunks.add(b);
            if (chunks.size() > HIGH && !paused) {
                paused = true;
                request.pause();
            }
        });
        request.endHandler(v -> chunks.add(END));
        request.exceptionHandler(e -> chunks.add(new IOException("request failed: " + e.getMessage(), e)));
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) return 0;
        while (current == null || pos >= current.length()) {
            if (current == END) return -1;
            Object next;
            try {
                next = chunks.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            }
            if (next instanceof IOException e) throw e;
            current = (Buffer) next;
            pos = 0;
            if (current == END) return -1;
            if (paused && chunks.size() < LOW) {
                paused = false;
                context.runOnContext(v -> request.resume());
            }
        }
        int n = Math.min(len, current.length() - pos);
        current.getBytes(pos, pos + n, b, off);
        pos += n;
        return n;
    }
}
