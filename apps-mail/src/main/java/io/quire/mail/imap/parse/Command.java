package io.quire.mail.imap.parse;

/**
 * The typed arguments of one IMAP command: one record per command, as {@code RenameParser → Rename →
 * RenameHandler} in the style guide.
 */
public sealed interface Command permits Capability, Noop, Logout, Starttls, Authenticate, Login, Enable, Id,
        Idle, Namespace, Select, Examine, Create, Delete, Rename, Subscribe, Unsubscribe, ListMailboxes, Lsub,
        Status, Append, Check, Close, Unselect, Expunge, UidExpunge, Search, Fetch, Store, Copy, Move, Sort,
        ThreadMessages {
}
