package io.quire.schema.validate;

/**
 * One way a document breaks its schema.
 *
 * @param path    JSON path of the failing field, e.g. {@code /emails/2}
 * @param message what is expected
 */
public record Violation(String path, String message) {
}
