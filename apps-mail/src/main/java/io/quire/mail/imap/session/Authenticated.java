package io.quire.mail.imap.session;

import io.quire.mail.store.UserMail;
import java.util.Objects;

/**
 * Logged in, no mailbox selected (RFC 9051 §3.2).
 *
 * @param mail the user's mail; every mailbox name the session uses is resolved in it, so one user can never
 *             name another user's mailbox
 */
public record Authenticated(UserMail mail) implements SessionState {
    /** Checks for null. */
    public Authenticated {
        Objects.requireNonNull(mail);
    }
}
