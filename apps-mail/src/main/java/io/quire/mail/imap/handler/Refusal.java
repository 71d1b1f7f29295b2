package io.quire.mail.imap.handler;

import io.quire.mail.imap.protocol.ResponseCode;
import io.quire.mail.imap.protocol.ResponseStatus;
import java.util.Optional;

/**
 * A command the server refuses, with the tagged response it deserves: the handlers' internal control flow, turned
 * into a value at exactly one boundary ({@link Dispatcher}). Like the codec's {@code ProtocolException}, it has no
 * stack trace because it is an expected outcome, not a bug.
 */
public final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ResponseStatus status;
    private final transient ResponseCode code;

    private Refusal(ResponseStatus status, ResponseCode code, String text) {
        super(text, null, false, false);
        this.status = status;
        this.code = code;
    }

    /** {@code NO [code] text}. */
    public static Refusal no(ResponseCode code, String text) {
        return new Refusal(ResponseStatus.NO, code, text);
    }

    /** {@code BAD text}: the command is wrong for this session (a client bug). */
    public static Refusal bad(String text) {
        return new Refusal(ResponseStatus.BAD, null, text);
    }

    /** NO or BAD. */
    public ResponseStatus status() {
        return status;
    }

    /** The response code, if any. */
    public Optional<ResponseCode> code() {
        return Optional.ofNullable(code);
    }
}
