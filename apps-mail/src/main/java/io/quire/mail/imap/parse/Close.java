package io.quire.mail.imap.parse;

/** {@code CLOSE} (RFC 9051 §6.4.1). */
public record Close() implements Command {
}
