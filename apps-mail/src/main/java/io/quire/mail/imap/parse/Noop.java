package io.quire.mail.imap.parse;

/** {@code NOOP} (RFC 9051 §6.1.2). */
public record Noop() implements Command {
}
