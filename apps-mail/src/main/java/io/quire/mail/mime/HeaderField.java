package io.quire.mail.mime;

/**
 * One header field located in the message octets: {@code [start, end)} spans the field's lines including
 * folded continuations and the final line break; the value starts after the colon.
 *
 * @param name       the field name (trailing blanks before the colon removed); empty for a malformed line
 *                   without a colon, which is kept so header sizes stay exact
 * @param start      offset of the first octet of the field
 * @param valueStart offset just after the colon ({@code == start} for a malformed line)
 * @param end        offset just after the field's last line break
 */
public record HeaderField(String name, int start, int valueStart, int end) {

    /** Whether this field has the given name, ignoring ASCII case (RFC 5322 §1.2.2). */
    public boolean is(String other) {
        return !name.isEmpty() && name.equalsIgnoreCase(other);
    }

    /** The value: unfolded (line breaks removed, RFC 5322 §2.2.3), trimmed, decoded by {@link HeaderText}. */
    public String value(byte[] message) {
        return HeaderText.unfold(message, valueStart, end);
    }
}
