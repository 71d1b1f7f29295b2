package io.quire.mail.imap.parse;

/** {@code IDLE} (RFC 2177); the session then reads a raw {@code DONE} line. */
public record Idle() implements Command {
}
