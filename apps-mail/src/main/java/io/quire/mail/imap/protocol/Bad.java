package io.quire.mail.imap.protocol;

import java.util.Optional;

/**
 * The current line is malformed; the session answers {@code tag BAD text} (or {@code * BAD text} when
 * no tag could be read).
 *
 * <p>The receiver has already discarded the rest of the line, including the data of any
 * non-synchronizing literal announced on it, and continues with the next command.
 *
 * @param tag     the tag, if one was read before the error
 * @param message a human-readable reason for the response text
 */
public record Bad(Optional<Tag> tag, String message) implements ReceiverEvent {
}
