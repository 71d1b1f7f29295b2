package io.quire.mail.imap.parse;

/** {@code NAMESPACE} (RFC 2342). */
public record Namespace() implements Command {
}
