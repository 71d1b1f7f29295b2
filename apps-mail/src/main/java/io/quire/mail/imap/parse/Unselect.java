package io.quire.mail.imap.parse;

/** {@code UNSELECT} (RFC 3691). */
public record Unselect() implements Command {
}
