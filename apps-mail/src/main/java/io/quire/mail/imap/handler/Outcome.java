package io.quire.mail.imap.handler;

import io.quire.mail.imap.protocol.ResponseCode;
import io.quire.mail.imap.protocol.ResponseStatus;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a command ends: its tagged response, or a request to the connection for something only it can do (start
 * TLS, switch to IDLE or SASL continuation lines, close). Handlers return values; the connection performs them.
 */
public sealed interface Outcome {

    /**
     * The tagged completion {@code tag OK|NO|BAD [code] text}.
     *
     * @param delay how long to wait before sending it (failed logins are answered slowly)
     */
    record Done(ResponseStatus status, Optional<ResponseCode> code, String text, Duration delay) implements Outcome {
        /** Checks the status: a tagged response is OK, NO or BAD. */
        public Done {
            Objects.requireNonNull(code);
            Objects.requireNonNull(text);
            Objects.requireNonNull(delay);
            if (status != ResponseStatus.OK && status != ResponseStatus.NO && status != ResponseStatus.BAD) {
                throw new IllegalArgumentException("tagged status " + status);
            }
        }

        /** {@code OK text}. */
        public static Done ok(String text) {
            return new Done(ResponseStatus.OK, Optional.empty(), text, Duration.ZERO);
        }

        /** {@code OK [code] text}. */
        public static Done ok(ResponseCode code, String text) {
            return new Done(ResponseStatus.OK, Optional.of(code), text, Duration.ZERO);
        }

        /** {@code NO [code] text}. */
        public static Done no(ResponseCode code, String text) {
            return new Done(ResponseStatus.NO, Optional.of(code), text, Duration.ZERO);
        }

        /** {@code BAD text}. */
        public static Done bad(String text) {
            return new Done(ResponseStatus.BAD, Optional.empty(), text, Duration.ZERO);
        }

        /** The same response, sent after {@code wait}. */
        public Done after(Duration wait) {
            return new Done(status, code, text, wait);
        }
    }

    /** Answer {@code reply} (an OK) and start TLS at once (RFC 9051 §6.2.1). */
    record StartTls(Done reply) implements Outcome {
    }

    /** Send {@code + idling} and push mailbox changes until the client sends DONE (RFC 2177). */
    record Idle() implements Outcome {
    }

    /**
     * Send {@code + challenge} and hand the client's next line to {@code next} (RFC 9051 §6.2.2).
     *
     * @param challenge the base64 challenge, empty for none
     */
    record Challenge(String challenge, SaslStep next) implements Outcome {
    }

    /** Send the BYE already queued and {@code reply}, then close (RFC 9051 §6.1.3). */
    record Logout(Done reply) implements Outcome {
    }

    /** Send {@code * BYE text} and close: the session cannot go on (its selected mailbox was deleted, say). */
    record Bye(String text) implements Outcome {
    }

    /** The next step of a SASL exchange: the client's base64 line in, an outcome out. */
    @FunctionalInterface
    interface SaslStep {
        /** Handles one client response line (base64, or {@code *} to cancel). */
        Outcome respond(String line, CommandContext context);
    }
}
