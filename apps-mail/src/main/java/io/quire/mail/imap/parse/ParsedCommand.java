package io.quire.mail.imap.parse;

import io.quire.mail.imap.protocol.Tag;

/**
 * A successfully parsed command.
 *
 * @param tag     the tag to answer with
 * @param command the typed arguments
 */
public record ParsedCommand(Tag tag, Command command) implements ParseOutcome {
}
