package io.quire.mail.store;

/** An expected mail-store failure, mapped by protocols to their replies (IMAP NO [TRYCREATE] ...). */
public final class MailStoreException extends RuntimeException {
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
