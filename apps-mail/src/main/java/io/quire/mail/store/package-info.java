/**
 * The replicated mail store: one user's mail is one Quire database ({@code mail.<user>}), and this
 * package turns it into the {@link io.quire.mail.store.UserMail} that IMAP, LMTP and import use.
 *
 * <h2>Entry points</h2>
 * <ul>
 *   <li>{@link io.quire.mail.store.MailSchema#create(io.quire.sdk.Databases, String)} creates a
 *       user's database with the default mailboxes (INBOX, Sent, Drafts, Trash, Junk, Archive) and
 *       {@link io.quire.mail.store.MailSchema#open(io.quire.sdk.Databases, String)} opens it; both
 *       hand out the one shared {@link io.quire.mail.store.DatabaseUserMail} of that database.</li>
 *   <li>{@link io.quire.mail.store.MailboxSnapshot} is a mailbox at one head, copied from nothing;
 *       {@link io.quire.mail.store.MailboxChanges#between} says what changed between two, entry by
 *       entry (EXPUNGE / EXISTS / FETCH, a renumbered UID as vanished + added);
 *       {@link io.quire.mail.store.UserMail#watch} says which mailboxes to look at.</li>
 * </ul>
 *
 * <h2>The documents ({@code mail-schema.yaml})</h2>
 * <pre>
 *   mailbox/ID   name (lww, full '/' name), specialUse, subscribed (lww), uidValidity, uidNext,
 *                highestModseq, vanishedFloor (max)            delete-wins
 *   message/ID   {mailbox, uid} one lww group; uid: unique sequence per mailbox (counter uidNext,
 *                renumbered by internalDate on collision); modseq: stamp sequence (counter
 *                highestModseq); flags (set); internalDate, size, body blob (immutable)   delete-wins
 *   vanished/MAILBOX:UID   a UID that left a mailbox, with a stamped modseq (QRESYNC)
 *   account/self           uidValidityHigh (max): UIDVALIDITY never repeats for a name
 * </pre>
 * Messages are keyed by a stable id ({@link io.quire.mail.model.MessageIds}), mailboxes by a stable
 * id too (fixed for the defaults and for {@code recovered}), so a rename touches one document, a
 * flag change applies after a move or renumbering elsewhere, and two concurrent moves leave the
 * message in one place. COPY writes a new message whose body is {@code {"$blob": id}} of the same
 * blob: bodies are stored once.
 *
 * <p>Vanished records are one small document per UID rather than one set per mailbox: a merge
 * stamps each record it brings with a modseq above both sides' HIGHESTMODSEQ (a set field could
 * not say which of its elements were new to which side), and an expunge writes O(expunged) bytes
 * instead of rewriting the set. The newest 10,000 per mailbox are kept; trimming deletes the
 * oldest, deterministically, and raises {@code vanishedFloor}.
 *
 * <h2>Writes ({@link io.quire.mail.store.Writer})</h2>
 * Group commit per database: operations queue, and one caller at a time (the leader) brings the
 * index to the head, plans every queued operation in order ({@link io.quire.mail.store.MailboxPlans},
 * {@link io.quire.mail.store.MessagePlans} through a {@link io.quire.mail.store.TxDraft}: UID =
 * UIDNEXT, modseq = HIGHESTMODSEQ + 1), each from the view the ones before it leave, and commits
 * them as one transaction ({@link io.quire.mail.store.TxCombiner}) with If-Match on every document
 * as committed before the batch; then refreshes the index and answers them all. A merge in between
 * fails the precondition and the batch is planned again.
 *
 * <h2>The derived index ({@link io.quire.mail.store.MailIndex})</h2>
 * Not replicated, rebuilt by listing the database when missing (at start), then updated from each
 * head change's {@link io.quire.sdk.ChangeBatch}, so its cost follows the change. Per mailbox the
 * messages sorted by UID in an {@link io.quire.mail.store.EntryList}: immutable chunks shared
 * between versions, so a snapshot is O(1) and a change copies one chunk.
 *
 * <h2>After a merge ({@link io.quire.mail.store.MergeGuard}, {@link io.quire.mail.store.Repairs})</h2>
 * The engine renumbers colliding UIDs and re-stamps changed entries. What it cannot see, the index
 * guards and a repair (a normal write, run from the head-change listener on every replica, from
 * the merged state only, so replicas converge) fixes: a message delivered into a mailbox deleted
 * elsewhere is moved to {@code Recovered}; a UID a merge took away gets a vanished record; a
 * message a merge put at a UID this replica had already handed out (its holder expunged or moved,
 * so no collision was visible) is held back and renumbered; counters a criss-cross merge lowered
 * are kept and written back; two mailboxes left with one name are told apart.
 *
 * <p>The hold-back of a reused UID is now only a guard: the engine renumbers every value both sides
 * may have handed out since the base (ADR 0007). One workaround remains that belongs in the
 * engine: a max-merged field must not take one side whole when the other equals a virtual base
 * raised by renumbering.
 */
package io.quire.mail.store;
