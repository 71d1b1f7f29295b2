package io.quire.mail.imap.parse;

/** {@code STARTTLS} (RFC 9051 §6.2.1); the session must drop input buffered after it. */
public record Starttls() implements Command {
}
