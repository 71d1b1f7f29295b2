package io.quire.mail.imap.parse;

/** {@code EXPUNGE} (RFC 9051 §6.4.3); {@code UID EXPUNGE} is {@link UidExpunge}. */
public record Expunge() implements Command {
}
