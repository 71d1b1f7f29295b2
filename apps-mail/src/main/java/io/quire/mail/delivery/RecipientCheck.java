package io.quire.mail.delivery;

import java.util.Objects;

/**
 * The store's answer to "would you take mail for this address?", asked at {@code RCPT TO} time.
 *
 * <p>Rejecting at RCPT time, rather than after DATA, lets an SMTP client bounce precisely and lets an LMTP client
 * skip the recipient (RFC 5321 §3.3, RFC 2033 §4.2). An unknown user is {@link #unknownUser()} ({@code 550 5.1.1}).
 */
public sealed interface RecipientCheck {

    /** The address is deliverable here. */
    record Accepted() implements RecipientCheck {
    }

    /** The address is not deliverable, now ({@code 4.x.x}) or ever ({@code 5.x.x}). */
    record Rejected(Failure failure) implements RecipientCheck {
        /** Requires a failure. */
        public Rejected {
            Objects.requireNonNull(failure, "failure");
        }
    }

    /** The address is deliverable here. */
    static RecipientCheck accepted() {
        return new Accepted();
    }

    /** No such mailbox: {@code 550 5.1.1} (RFC 3463 §3.2, "Bad destination mailbox address"). */
    static RecipientCheck unknownUser() {
        return new Rejected(Failure.permanentFailure("5.1.1", "No such user here"));
    }

    /** Refused for the given reason. */
    static RecipientCheck rejected(Failure failure) {
        return new Rejected(failure);
    }
}
