package io.quire.mail.imap.session;

/**
 * The state of an IMAP connection (RFC 9051 §3): not authenticated, authenticated, or with a mailbox
 * selected. The logout state needs no value: the connection closes.
 *
 * <p>A sealed type, as in Stalwart's {@code core/mod.rs}: a handler that needs the selected mailbox matches on
 * {@link Selected} and cannot forget a state. Each command handler declares the states it is valid in
 * ({@code io.quire.mail.imap.handler.Validity}).
 */
public sealed interface SessionState permits NotAuthenticated, Authenticated, Selected {

    /** Whether a user is logged in (authenticated or selected). */
    default boolean isAuthenticated() {
        return !(this instanceof NotAuthenticated);
    }
}
