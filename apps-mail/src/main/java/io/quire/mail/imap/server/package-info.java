/**
 * The IMAP4rev1/IMAP4rev2 server on Vert.x: sockets, TLS, timers and threads. Everything protocol-shaped happens in
 * the codec ({@code imap.protocol}, {@code imap.parse}, {@code imap.encode}) and in {@code imap.handler}; this
 * package only connects them to the network.
 *
 * <h2>Tour</h2>
 * <ul>
 *   <li>{@link io.quire.mail.imap.server.ImapServer#listen} with {@link io.quire.mail.imap.server.ImapOptions} (host,
 *       port, TLS for STARTTLS and an implicit-TLS port, limits, login throttling, body cache size) — the entry
 *       point {@code MailApp} calls.</li>
 *   <li>{@code NetImapServer} — the listeners, the total connection limit and shutdown with
 *       {@code * BYE [UNAVAILABLE]}.</li>
 *   <li>{@code ImapConnection} — one per socket, on its event loop: feeds the sans-IO {@code ImapReceiver}, answers
 *       literals ({@code +}), malformed and oversized input, parses commands and hands them to the session's
 *       {@code SessionQueue}; performs outcomes (tagged reply, STARTTLS with plaintext pipelining dropped, IDLE and
 *       SASL continuation lines via {@code Awaiting}, logout, BYE). Helpers: {@code IdlePush} (store notifications
 *       pushed at once during IDLE, with a poll as fallback) and {@code Autologout} (30 minutes after login,
 *       60 seconds before by default).</li>
 *   <li>{@code SessionQueue} — one session's blocking work on worker threads, strictly in order; sessions run in
 *       parallel.</li>
 *   <li>{@code SocketResponder} and {@code ResponseEncoder} — untagged responses encoded on the worker, handed to
 *       the event loop in 64 KiB chunks, with backpressure when the client reads slowly.</li>
 * </ul>
 *
 * <h2>Threads</h2>
 * Socket events, parsing and writes run on the connection's event loop; handlers, which call the blocking store,
 * run on worker threads, one task per session at a time. Store watch callbacks only mark the session dirty and
 * post to the event loop.
 */
package io.quire.mail.imap.server;
