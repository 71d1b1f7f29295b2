package io.quire.mail.imap.parse;

/** The result of {@link CommandParser#parse}: a command, or the error response to send instead. */
public sealed interface ParseOutcome permits ParsedCommand, ParseError {
}
