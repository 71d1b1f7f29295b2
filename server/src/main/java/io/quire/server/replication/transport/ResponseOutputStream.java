package io.quire.server.replication.transport;

import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A chunked HTTP response as a blocking OutputStream for a worker thread. Writes are handed to the
 * event loop; the worker blocks once {@value #WINDOW} bytes are in flight, so a slow client
 * throttles the pack writer instead of filling the heap.
 */
final class ResponseOutputStream extends OutputStream {
    private static final int WINDOW = 4 << 20;
    private static final int CHUNK = 64 << 10;

    private final HttpServerResponse response;
    private final Context context;
    private final Semaphore credit = new Semaphore(WINDOW);
    private final byte[] buf = new byte[CHUNK];
    private int len;
    private volatile Throwable failure;

    ResponseOutputStream(HttpServerResponse response, Context context) {
        this.response = response;
        this.context = context;
    }

    @Override
    public void write(int b) throws IOException {
        if (len == buf.length) flush();
        buf[len++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int n) throws IOException {
        while (n > 0) {
            if (len == buf.length) flush();
            int k = Math.min(n, buf.length - len);
            System.arraycopy(b, off, buf, len, k);
            len += k;
            off += k;
            n -= k;
        }
    }

    @Override
    public void flush() throws IOException {
        if (failure != null) throw new IOException("client went away: " + failure.getMessage());
        if (len == 0) return;
        Buffer chunk = Buffer.buffer(len).appendBytes(buf, 0, len);
        int size = len;
        len = 0;
        try {
            if (!credit.tryAcquire(size, 60, TimeUnit.SECONDS)) throw new IOException("client stopped reading for 60 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
        context.runOnContext(v -> response.write(chunk).onComplete(ar -> {
            if (ar.failed()) failure = ar.cause();
            credit.release(size);
        }));
    }

    /** Flushes and ends the response. */
    @Override
    public void close() throws IOException {
        flush();
        context.runOnContext(v -> {
            if (!response.ended()) response.end();
        });
    }
}
