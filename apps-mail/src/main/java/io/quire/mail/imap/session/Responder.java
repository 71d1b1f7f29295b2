package io.quire.mail.imap.session;

/**
 * Where a handler sends untagged responses, in order. The server's implementation encodes and writes them as they
 * come, so a FETCH of many bodies does not have to fit in memory; it may block the calling (worker) thread while
 * the client is slow to read, and throws {@link java.io.UncheckedIOException} once the connection is gone (the
 * dispatcher then abandons the command).
 */
@FunctionalInterface
public interface Responder {
    /** Sends one response. */
    void send(Response response);
}
