package io.quire.mail.store;

/** An expected mail-store failure, mapped by protocols to their replies (IMAP NO [TRYCREATE] ...). */
public final class MailStoreException extends RuntimeException {
    /**
     * What went wrong: {@code NO_SUCH_MAILBOX} (IMAP {@code [TRYCREATE]} / {@code [NONEXISTENT]}),
     * {@code ALREADY_EXISTS}, {@code INVALID_NAME} ({@code [CANNOT]}), {@code NOT_ALLOWED} (e.g.
     * deleting INBOX, an unknown special-use), {@code NO_SUCH_USER}, {@code QUOTA}, and
     * {@code UNAVAILABLE} (transient: the store failed or kept changing; try again).
     */
    public enum Kind { NO_SUCH_MAILBOX, ALREADY_EXISTS, INVALID_NAME, NOT_ALLOWED, NO_SUCH_USER, QUOTA, UNAVAILABLE }

    private final Kind kind;

    public MailStoreException(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
