package io.quire.mail.imap.parse;

/** {@code LOGOUT} (RFC 9051 §6.1.3). */
public record Logout() implements Command {
}
