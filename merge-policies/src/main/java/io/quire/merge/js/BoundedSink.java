package io.quire.merge.js;

import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where script contexts' stdout and stderr go: nowhere, counted. A script cannot fill a log or the
 * heap by printing (the print and console globals are removed as well; this catches the rest).
 */
final class BoundedSink extends OutputStream {
    private final AtomicLong discarded = new AtomicLong();

    @Override
    public void write(int b) {
        discarded.incrementAndGet();
    }

    @Override
    public void write(byte[] b, int off, int len) {
        discarded.addAndGet(len);
    }

    long discarded() {
        return discarded.get();
    }
}
