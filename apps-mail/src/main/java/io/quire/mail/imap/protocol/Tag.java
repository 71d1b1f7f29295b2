package io.quire.mail.imap.protocol;

/**
 * A command tag, echoed in the tagged completion response.
 *
 * <pre>tag = 1*&lt;any ASTRING-CHAR except "+"&gt;   ; RFC 3501 §9</pre>
 *
 * @param value the tag text, 1 to {@link #MAX_LENGTH} tag characters
 */
public record Tag(String value) {
    /** Longest tag accepted; real clients use fewer than 20 characters. */
    public static final int MAX_LENGTH = 128;

    /** Checks the tag grammar. */
    public Tag {
        if (value == null || value.isEmpty()) {
            throw ProtocolException.bad("Missing tag");
        }
        if (value.length() > MAX_LENGTH) {
            throw ProtocolException.bad("Tag longer than " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > 0x7f || !ImapChars.isTagChar(c)) {
                throw ProtocolException.bad("Invalid character in tag");
            }
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
