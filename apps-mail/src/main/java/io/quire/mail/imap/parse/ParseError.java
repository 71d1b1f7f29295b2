package io.quire.mail.imap.parse;

import io.quire.mail.imap.protocol.ResponseCode;
import io.quire.mail.imap.protocol.ResponseStatus;
import io.quire.mail.imap.protocol.Tag;
import java.util.Optional;

/**
 * A command that could not be parsed, with the tagged response it deserves.
 *
 * <p>Nearly always {@code BAD} with a human reason. A few well-formed requests the codec can already tell
 * the server will refuse come back as {@code NO} with a code: an unsupported SEARCH charset
 * ({@code [BADCHARSET]}, which RFC 9051 §6.4.4 requires be a NO, not a BAD) and mailbox names the naming
 * policy forbids ({@code [CANNOT]}, {@code [LIMIT]}).
 *
 * @param tag     the command's tag
 * @param status  {@link ResponseStatus#BAD} or {@link ResponseStatus#NO}
 * @param code    the response code, if any
 * @param message the human-readable response text
 */
public record ParseError(Tag tag, ResponseStatus status, Optional<ResponseCode> code, String message)
        implements ParseOutcome {
}
