package io.quire.mail.mime;

/**
 * A {@code <origin.count>} byte range of a fetched section (RFC 9051 §6.4.5).
 *
 * @param origin the first octet, 0-based
 * @param count  the maximum number of octets, at least 1
 */
public record Partial(long origin, long count) {
    /** Checks the bounds. */
    public Partial {
        if (origin < 0 || count < 1) {
            throw new IllegalArgumentException("invalid partial <" + origin + "." + count + ">");
        }
    }

    /**
     * The part of {@code [0, length)} this range selects, as {@code [start, end)}: an origin beyond the data
     * selects nothing, and the count is truncated at the end (RFC 9051 §6.4.5).
     */
    public long[] clip(long length) {
        long start = Math.min(origin, length);
        long end = Math.min(length, start + Math.min(count, length - start));
        return new long[] {start, end};
    }

    /** The octets selected from {@code data}. */
    public byte[] apply(byte[] data) {
        long[] range = clip(data.length);
        return java.util.Arrays.copyOfRange(data, (int) range[0], (int) range[1]);
    }
}
