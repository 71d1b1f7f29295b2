/**
 * The IMAP session: its state machine and the selected mailbox's live view, as values. No sockets, no bytes, no
 * handlers.
 *
 * <h2>Tour</h2>
 * <ul>
 *   <li>{@link io.quire.mail.imap.session.SessionState} — sealed over
 *       {@link io.quire.mail.imap.session.NotAuthenticated}, {@link io.quire.mail.imap.session.Authenticated}
 *       (the user's {@code UserMail}) and {@link io.quire.mail.imap.session.Selected} (plus the
 *       {@link io.quire.mail.imap.session.MailboxView}), as in Stalwart's {@code core/mod.rs}. Logout needs no
 *       state: the connection closes.</li>
 *   <li>{@link io.quire.mail.imap.session.ImapSession} — one per connection: the state, enabled
 *       {@link io.quire.mail.imap.session.Extension}s (CONDSTORE, QRESYNC, UTF8=ACCEPT, IMAP4rev2), TLS, the
 *       SEARCHRES result, the dirty mark set by the store's watch, and what to release at the end (the watch and the
 *       per-user connection slot).</li>
 *   <li>{@link io.quire.mail.imap.session.MailboxView} — the session's own view of the selected mailbox: message
 *       numbers → UIDs, and what the client was told of each message's flags and mod-sequence.
 *       {@link io.quire.mail.imap.session.MailboxView#sync} diffs it against a store snapshot and returns the
 *       untagged EXISTS, EXPUNGE or VANISHED, FLAGS and FETCH responses, under a
 *       {@link io.quire.mail.imap.session.SyncPolicy} (expunges held back during FETCH, STORE and SEARCH, RFC 9051
 *       §7.5.1; MODSEQ and UID with CONDSTORE; VANISHED with QRESYNC). A UID renumbered by a replication merge is an
 *       EXPUNGE plus an EXISTS; a UID that would have to go in the middle is never inserted.</li>
 *   <li>{@link io.quire.mail.imap.session.Response} and {@link io.quire.mail.imap.session.FetchAttr} — untagged
 *       responses as records; {@code io.quire.mail.imap.server.ResponseEncoder} writes them.
 *       {@link io.quire.mail.imap.session.Responder} is where handlers send them.</li>
 *   <li>{@link io.quire.mail.imap.session.FlagSets} — store flag strings ↔ wire {@code Flag}s, one order.</li>
 * </ul>
 */
package io.quire.mail.imap.session;
