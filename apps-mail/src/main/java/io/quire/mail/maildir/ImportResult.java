package io.quire.mail.maildir;

import java.util.Objects;

/**
 * One item of an import stream: a message, or a note that something could not be read.
 *
 * <p>A bad file is reported and skipped, never fatal: an import of ten thousand messages should not stop at the
 * one with a permission problem, and the caller decides whether to show, log or retry what was skipped.
 */
public sealed interface ImportResult {

    /** A message read successfully. */
    record Imported(ImportedMessage message) implements ImportResult {
        /** Requires the message. */
        public Imported {
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * Something that could not be read.
     *
     * @param source the file, or {@code file:line} inside an mbox
     * @param reason what went wrong, for a human
     */
    record Unreadable(String source, String reason) implements ImportResult {
        /** Requires both parts. */
        public Unreadable {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
