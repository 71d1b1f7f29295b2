package io.quire.mail.imap.handler;

/**
 * The selected mailbox no longer exists (deleted, or deleted and recreated with a new UIDVALIDITY, by another
 * session or replica). The session cannot go on with its message numbers: the dispatcher answers with BYE.
 */
final class SelectedMailboxGone extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SelectedMailboxGone() {
        super(Texts.MAILBOX_GONE, null, false, false);
    }
}
