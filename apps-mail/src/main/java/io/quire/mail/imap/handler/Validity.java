package io.quire.mail.imap.handler;

import io.quire.mail.imap.session.Authenticated;
import io.quire.mail.imap.session.NotAuthenticated;
import io.quire.mail.imap.session.Selected;
import io.quire.mail.imap.session.SessionState;

/** The session states a command is valid in (RFC 9051 §6; James's {@code ImapCommand.Validity}). */
public enum Validity {
    /** CAPABILITY, NOOP, LOGOUT, ID (RFC 9051 §6.1). */
    ANY,
    /** STARTTLS, LOGIN, AUTHENTICATE (RFC 9051 §6.2). */
    NOT_AUTHENTICATED,
    /** Mailbox commands (RFC 9051 §6.3): authenticated or selected. */
    AUTHENTICATED,
    /** Message commands (RFC 9051 §6.4). */
    SELECTED;

    /** Whether a command with this validity may run in {@code state}. */
    public boolean allows(SessionState state) {
        return switch (this) {
            case ANY -> true;
            case NOT_AUTHENTICATED -> state instanceof NotAuthenticated;
            case AUTHENTICATED -> state instanceof Authenticated || state instanceof Selected;
            case SELECTED -> state instanceof Selected;
        };
    }
}
