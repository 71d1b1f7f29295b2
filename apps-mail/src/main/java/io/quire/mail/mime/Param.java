package io.quire.mail.mime;

/**
 * One MIME parameter ({@code name=value}) of Content-Type or Content-Disposition, undecoded: RFC 2231
 * continuations and charsets are passed through as separate parameters, as IMAP clients expect.
 *
 * @param name  the attribute name as written
 * @param value the value, unquoted
 */
public record Param(String name, String value) {
}
