/**
 * IMAP command semantics: one handler per command, typed commands in, response values and an outcome out. Handlers
 * never see bytes (a layer test checks it) and talk to the mail store only through {@code UserMail}.
 *
 * <h2>Tour</h2>
 * <ul>
 *   <li>{@link io.quire.mail.imap.handler.Dispatcher} — runs a parsed command: checks the
 *       {@link io.quire.mail.imap.handler.Validity} its handler declares (James's {@code ImapCommand.Validity}),
 *       runs the handler, then syncs a selected session's view ({@code SelectedSync}), and in one place
 *       ({@code answer}, an exhaustive switch over the sealed {@code Failure}) turns a
 *       {@link io.quire.mail.imap.handler.Refusal}, a {@code MailStoreException}, a vanished mailbox or a bug into a
 *       tagged NO/BAD or BYE. Bugs are logged and answered {@code NO [SERVERBUG]}, never with a trace.</li>
 *   <li>{@link io.quire.mail.imap.handler.CommandHandler} — one per command record ({@code RenameParser → Rename →
 *       RenameHandler}); they return an {@link io.quire.mail.imap.handler.Outcome}: the tagged reply (possibly
 *       delayed), or a request only the connection can carry out (STARTTLS, IDLE, a SASL challenge, logout,
 *       BYE).</li>
 *   <li>Shared pieces: {@code MailboxOpener} (SELECT/EXAMINE with CONDSTORE and QRESYNC), {@code MailboxTree} (LIST
 *       attributes), {@code StatusValues}, {@code MessageSets} (sequence sets and {@code $} against the view),
 *       {@code SearchEvaluator} with {@code SearchText}, {@code FetchData}, {@code Transfer} (COPY/MOVE),
 *       {@code VanishedUids}, {@code SortKeys}, {@code Authentication} (LOGIN and AUTHENTICATE PLAIN).</li>
 *   <li>Services shared by all sessions ({@link io.quire.mail.imap.handler.Services}): the store, the
 *       {@link io.quire.mail.imap.handler.HandlerConfig}, {@link io.quire.mail.imap.handler.LoginThrottle} (per
 *       client address), {@link io.quire.mail.imap.handler.UserConnections} (sessions per user) and the
 *       {@link io.quire.mail.imap.handler.BodyCache} (parsed bodies by blob id, LRU by octets).</li>
 *   <li>{@link io.quire.mail.imap.handler.Capabilities} and {@link io.quire.mail.imap.handler.Texts} — what is
 *       advertised, and every human-readable text.</li>
 * </ul>
 *
 * <h2>Where data comes from</h2>
 * SELECT, FETCH FLAGS/UID/INTERNALDATE/RFC822.SIZE/MODSEQ, SEARCH on flags, sizes, dates and numbers, and STATUS are
 * answered from the store's in-memory snapshot; only ENVELOPE, BODY[STRUCTURE], sections, BINARY, header and text
 * searches and SORT read bodies, through the body cache.
 */
package io.quire.mail.imap.handler;
