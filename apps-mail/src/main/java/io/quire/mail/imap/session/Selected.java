package io.quire.mail.imap.session;

import io.quire.mail.store.UserMail;
import java.util.Objects;

/**
 * Logged in with a mailbox selected (RFC 9051 §3.3).
 *
 * @param mail the user's mail
 * @param view this session's view of the selected mailbox: message numbers, UIDs and what the client was told
 */
public record Selected(UserMail mail, MailboxView view) implements SessionState {
    /** Checks for nulls. */
    public Selected {
        Objects.requireNonNull(mail);
        Objects.requireNonNull(view);
    }
}
