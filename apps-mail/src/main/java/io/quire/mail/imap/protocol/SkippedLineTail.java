package io.quire.mail.imap.protocol;

/**
 * The last octets of a line being skipped after an error, kept to recognise a trailing
 * non-synchronizing literal announcement ({@code {n+}} or {@code ~{n+}}) whose data must be skipped too.
 */
final class SkippedLineTail {
    private static final int SIZE = 24;
    private final byte[] bytes = new byte[SIZE];
    private int length;

    void add(int b) {
        if (length == SIZE) {
            System.arraycopy(bytes, 1, bytes, 0, SIZE - 1);
            length--;
        }
        bytes[length++] = (byte) b;
    }

    void clear() {
        length = 0;
    }

    /** The size of a {@code {n+}} ending the line (a trailing CR ignored), or -1. */
    long nonSyncLiteralSize() {
        int end = length;
        if (end > 0 && bytes[end - 1] == '\r') {
            end--;
        }
        if (end < 4 || bytes[end - 1] != '}' || bytes[end - 2] != '+') {
            return -1;
        }
        int i = end - 3;
        long size = 0;
        long scale = 1;
        int digits = 0;
        while (i >= 0 && bytes[i] >= '0' && bytes[i] <= '9' && digits < 18) {
            size += (bytes[i] - '0') * scale;
            scale *= 10;
            digits++;
            i--;
        }
        return digits > 0 && i >= 0 && bytes[i] == '{' ? size : -1;
    }
}
