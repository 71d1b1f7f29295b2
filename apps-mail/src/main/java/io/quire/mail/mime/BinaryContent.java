package io.quire.mail.mime;

import java.util.Arrays;

/** The outcome of a {@code BINARY[part]} fetch (RFC 3516 §4.2). */
public sealed interface BinaryContent {

    /**
     * The part's content with its transfer encoding removed.
     *
     * @param data the decoded octets (may contain NUL; send as literal8)
     */
    record Decoded(byte[] data) implements BinaryContent {
        @Override
        public boolean equals(Object o) {
            return o instanceof Decoded d && Arrays.equals(d.data, data);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "Decoded[" + data.length + " octets]";
        }
    }

    /**
     * The part uses a transfer encoding the server cannot decode; answer {@code NO [UNKNOWN-CTE]}
     * (RFC 3516 §4.3).
     *
     * @param encoding the Content-Transfer-Encoding token
     */
    record UnknownEncoding(String encoding) implements BinaryContent {
    }

    /** The part number does not exist. */
    record NoSuchPart() implements BinaryContent {
    }
}
