package io.quire.mail.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One user's mail database as IMAP, LMTP and import/export see it. Every change is one commit;
 * each method returns only when its commit is durable. Mailbox names are full hierarchy names with
 * the delimiter {@code /} ("INBOX", "Archive/2026"), already decoded from modified UTF-7.
 * Failures are {@link MailStoreException}s.
 */
public interface UserMail {
    String user();

    List<MailboxInfo> mailboxes();

    Optional<MailboxInfo> mailbox(String name);

    MailboxInfo create(String name, Optional<String> specialUse);

    /** Deletes a mailbox and expunges its messages (RFC 3501 §6.3.4: INBOX cannot be deleted). */
    void delete(String name);

    /** Renames a mailbox and its children; renaming INBOX moves its messages to a new mailbox (RFC 3501 §6.3.5). */
    void rename(String from, String to);

    void subscribe(String name, boolean subscribed);

    /** The mailbox's current state from the derived index: messages sorted by UID. */
    MailboxSnapshot snapshot(String mailbox);

    /** Stores a new message (APPEND, delivery, import); its UID comes from the mailbox's UIDNEXT. */
    Appended append(String mailbox, byte[] raw, Set<String> flags, Instant internalDate);

    /** Several messages in one commit (MULTIAPPEND, import batches). */
    List<Appended> appendAll(String mailbox, List<NewMessage> messages);

    /**
     * Imports messages with the UIDs they had at their source where no UID can be reused (see
     * {@code ImportPlans}): an empty, never used mailbox takes the source's UIDVALIDITY; then each
     * UID at or above UIDNEXT is kept and UIDNEXT is raised to the source's. Otherwise, and in
     * stores that do not support it, messages get fresh UIDs as {@link #appendAll} gives.
     */
    default List<Appended> importKeepingUids(String mailbox, KeptUids batch) {
        return appendAll(mailbox, batch.messages());
    }

    /**
     * Changes flags of the messages with these UIDs. With {@code unchangedSince} (CONDSTORE), entries
     * whose modseq is above it are not changed and are returned in {@link StoreOutcome#modified()}.
     */
    StoreOutcome store(String mailbox, Collection<Long> uids, FlagChange change, OptionalLong unchangedSince);

    /** Copies messages (bodies are shared, not duplicated): source UIDs paired with new UIDs. */
    CopyOutcome copy(String from, Collection<Long> uids, String to);

    /** Moves messages (RFC 6851): copy + expunge in one commit. */
    CopyOutcome move(String from, Collection<Long> uids, String to);

    /** Expunges messages flagged \Deleted (only those among {@code uids} when given); returns their UIDs. */
    List<Long> expunge(String mailbox, Optional<Collection<Long>> uids);

    /** The raw RFC 5322 bytes of a message. */
    byte[] body(MessageEntry message);

    /** UIDs expunged (or renumbered away) with modseq above {@code modseq}, for QRESYNC VANISHED. */
    List<Long> vanishedSince(String mailbox, long modseq);

    /**
     * The highest modseq of the vanished records the store no longer keeps (it keeps a bounded
     * number per mailbox), 0 when none was dropped. For a client's modseq below it,
     * {@link #vanishedSince} may miss UIDs: answer QRESYNC from the client's known UIDs instead
     * (RFC 7162 §3.2.5.2).
     */
    default long vanishedFloor(String mailbox) {
        return 0;
    }

    /** Called after each new head (local commit or replication merge) with the names of mailboxes that changed. */
    AutoCloseable watch(Consumer<Set<String>> changedMailboxes);

    /** A message to store: its raw RFC 5322 bytes, flags, and INTERNALDATE (null: now). */
    record NewMessage(byte[] raw, Set<String> flags, Instant internalDate) {
    }

    /**
     * Messages of a source mailbox that had UIDVALIDITY {@code uidValidity} and UIDNEXT
     * {@code uidNext} (0: unknown), in source UID order, each with its source UID (0: none).
     */
    record KeptUids(long uidValidity, long uidNext, List<NewMessage> messages, List<Long> uids) {
        public KeptUids {
            messages = List.copyOf(messages);
            uids = List.copyOf(uids);
            if (messages.size() != uids.size()) throw new IllegalArgumentException("one source UID per message");
            if (uidValidity < 1 || uidValidity > 0xFFFF_FFFFL) throw new IllegalArgumentException("UIDVALIDITY out of 1..2^32-1: " + uidValidity);
        }
    }

    /** APPENDUID data (RFC 4315 §3) and the stable id of the stored message. */
    record Appended(long uidValidity, long uid, String messageId) {
    }

    /** +FLAGS, -FLAGS or FLAGS (replace). */
    record FlagChange(Mode mode, Set<String> flags) {
        public enum Mode { ADD, REMOVE, REPLACE }
    }

    /** Entries after the change, and the UIDs a CONDSTORE UNCHANGEDSINCE test refused. */
    record StoreOutcome(List<MessageEntry> changed, List<Long> modified) {
    }

    /** COPYUID / MOVE data (RFC 4315): UIDVALIDITY of the target and source→target UID pairs in order. */
    record CopyOutcome(long targetUidValidity, List<Long> sourceUids, List<Long> targetUids) {
    }
}
