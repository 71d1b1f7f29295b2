package io.quire.mail.delivery;

import java.util.Objects;

/**
 * Why a recipient was refused or a delivery failed: transient or permanent, an RFC 3463 code and a human text.
 *
 * <p>The severity is explicit (as in vertx-mail's {@code SMTPException.isTransient()}), and it must agree with the
 * code's class so that a {@code 4.x.x} code never travels with a permanent failure or the other way round. The
 * text goes to the SMTP client verbatim; it must be printable US-ASCII and single-line.
 *
 * @param severity transient (the client should retry later) or permanent (the client should bounce)
 * @param status the enhanced status code, class 4 for transient and 5 for permanent
 * @param text a short human-readable explanation, without CR or LF
 */
public record Failure(Severity severity, EnhancedStatus status, String text) {

    /** Whether the client may succeed by retrying later. */
    public enum Severity { TRANSIENT, PERMANENT }

    /** Checks that severity and code class agree and that the text is a safe single line. */
    public Failure {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(text, "text");
        if ((severity == Severity.TRANSIENT) != status.isTransient()) {
            throw new IllegalArgumentException(severity + " failure with status " + status);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw new IllegalArgumentException("reply text must be printable US-ASCII: " + text);
            }
        }
    }

    /** A transient failure with the given code, e.g. {@code transientFailure("4.2.2", "Mailbox full")}. */
    public static Failure transientFailure(String status, String text) {
        return new Failure(Severity.TRANSIENT, EnhancedStatus.parse(status), text);
    }

    /** A permanent failure with the given code, e.g. {@code permanentFailure("5.1.1", "No such user")}. */
    public static Failure permanentFailure(String status, String text) {
        return new Failure(Severity.PERMANENT, EnhancedStatus.parse(status), text);
    }

    /** Whether the client may succeed by retrying later. */
    public boolean isTransient() {
        return severity == Severity.TRANSIENT;
    }
}
