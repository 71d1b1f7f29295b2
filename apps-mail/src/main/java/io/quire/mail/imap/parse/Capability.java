package io.quire.mail.imap.parse;

/** {@code CAPABILITY} (RFC 9051 §6.1.1). */
public record Capability() implements Command {
}
