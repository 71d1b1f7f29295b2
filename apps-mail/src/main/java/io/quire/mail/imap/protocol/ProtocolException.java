package io.quire.mail.imap.protocol;

import java.util.Objects;
import java.util.Optional;

/**
 * Signals that client input does not form a valid command or value, and carries the response the
 * client should get.
 *
 * <p>This is the codec's internal control flow, in the manner of James's {@code DecodingException}: value
 * factories ({@link SequenceSet#parse}, {@link MailboxName#fromWire}, …) throw it, and exactly one
 * boundary ({@code io.quire.mail.imap.parse.CommandParser#parse}) turns it into a
 * {@code ParseError} value. It never reaches a session. It has no stack trace because it is an expected
 * outcome, not a bug.
 */
public final class ProtocolException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ResponseStatus status;
    private final transient ResponseCode code;

    private ProtocolException(ResponseStatus status, ResponseCode code, String message) {
        super(Objects.requireNonNull(message), null, false, false);
        this.status = status;
        this.code = code;
    }

    /** A syntax error: the client gets a tagged {@code BAD} with this reason. */
    public static ProtocolException bad(String message) {
        return new ProtocolException(ResponseStatus.BAD, null, message);
    }

    /** A well-formed request the server refuses by policy: the client gets a tagged {@code NO [code]}. */
    public static ProtocolException no(ResponseCode code, String message) {
        return new ProtocolException(ResponseStatus.NO, Objects.requireNonNull(code), message);
    }

    /** {@link ResponseStatus#BAD} for syntax errors, {@link ResponseStatus#NO} for policy refusals. */
    public ResponseStatus status() {
        return status;
    }

    /** The response code to send with the tagged response, if any. */
    public Optional<ResponseCode> code() {
        return Optional.ofNullable(code);
    }
}
