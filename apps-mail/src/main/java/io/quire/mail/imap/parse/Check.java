package io.quire.mail.imap.parse;

/** {@code CHECK} (RFC 3501 §6.4.1). */
public record Check() implements Command {
}
