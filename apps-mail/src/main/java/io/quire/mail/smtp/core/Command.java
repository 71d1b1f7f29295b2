package io.quire.mail.smtp.core;

import java.util.Objects;

/**
 * One parsed SMTP/LMTP command (RFC 5321 §4.1.1, RFC 2033 §4.1), or the reply for a line that did not parse.
 *
 * <p>The parser only checks grammar; whether a command is allowed now (state, dialect, extensions) is the
 * session's business, as James keeps decoding apart from processing.
 */
public sealed interface Command {

    /** HELO, EHLO or LHLO with the client's name. */
    record Hello(Greeting kind, String name) implements Command {
        /** Requires both parts. */
        public Hello {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(name, "name");
        }

        /** Whether extensions (ESMTP parameters, enhanced codes) were asked for. */
        public boolean extended() {
            return kind != Greeting.HELO;
        }
    }

    /** The three greeting verbs. */
    enum Greeting { HELO, EHLO, LHLO }

    /** {@code MAIL FROM:<reverse-path> [params]}; {@code reversePath} is empty for {@code <>}. */
    record Mail(String reversePath, MailParameters parameters) implements Command {
    }

    /**
     * {@code RCPT TO:<forward-path> [params]}; {@code firstParameter} is the keyword of the first ESMTP parameter
     * given, or {@code null} (we support none: no DSN).
     */
    record Rcpt(String forwardPath, String firstParameter) implements Command {
    }

    /** {@code DATA}. */
    record Data() implements Command {
    }

    /** {@code RSET}. */
    record Rset() implements Command {
    }

    /** {@code NOOP} (arguments ignored, RFC 5321 §4.1.1.9). */
    record Noop() implements Command {
    }

    /** {@code QUIT}. */
    record Quit() implements Command {
    }

    /** {@code VRFY string}. */
    record Vrfy() implements Command {
    }

    /** {@code HELP [string]}. */
    record Help() implements Command {
    }

    /** {@code STARTTLS} (RFC 3207). */
    record StartTls() implements Command {
    }

    /** A line that is not a well-formed command; {@code reply} says why. */
    record Invalid(Reply reply) implements Command {
    }
}
