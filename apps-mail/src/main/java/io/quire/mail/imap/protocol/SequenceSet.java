package io.quire.mail.imap.protocol;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.LongStream;

/**
 * A set of message sequence numbers or UIDs as sent by a client; which of the two is the caller's
 * business (RFC 3501 §9, RFC 5182).
 *
 * <pre>
 * sequence-set    = (seq-number / seq-range) ["," sequence-set]  /  "$"   ; "$" from RFC 5182 SEARCHRES
 * seq-range       = seq-number ":" seq-number
 * seq-number      = nz-number / "*"
 * nz-number       = digit-nz *DIGIT                                      ; 1 .. 4294967295
 * </pre>
 *
 * <p>Ranges keep the client's order and direction ({@code 4:2} is the same as {@code 2:4}) so that
 * {@link #format()} round-trips; {@code *} is resolved only when a caller supplies the largest number in
 * use.
 */
public sealed interface SequenceSet permits SequenceSet.Ranges, SequenceSet.Saved {

    /** The bound value standing for {@code *}. */
    long STAR = -1;

    /** The largest nz-number (RFC 3501 {@code nz-number} is a 32-bit unsigned value). */
    long MAX_NUMBER = 0xFFFF_FFFFL;

    /** The textual form, e.g. {@code 1:5,7,9:*} or {@code $}. */
    String format();

    /**
     * Parses a sequence set.
     *
     * @throws ProtocolException (BAD) when the text does not match the grammar, contains 0 or exceeds 2^32-1
     */
    static SequenceSet parse(CharSequence text) {
        String s = text.toString();
        if (s.equals("$")) {
            return Saved.INSTANCE;
        }
        if (s.isEmpty()) {
            throw ProtocolException.bad("Empty sequence set");
        }
        List<Range> ranges = new ArrayList<>();
        int start = 0;
        while (true) {
            int comma = s.indexOf(',', start);
            String element = comma < 0 ? s.substring(start) : s.substring(start, comma);
            int colon = element.indexOf(':');
            if (colon < 0) {
                long n = number(element, s);
                ranges.add(new Range(n, n));
            } else {
                ranges.add(new Range(number(element.substring(0, colon), s), number(element.substring(colon + 1), s)));
            }
            if (comma < 0) {
                return new Ranges(ranges);
            }
            start = comma + 1;
        }
    }

    /** A set of the given numbers, in the given order, as single-number ranges. */
    static Ranges of(long... numbers) {
        List<Range> ranges = new ArrayList<>(numbers.length);
        for (long n : numbers) {
            ranges.add(new Range(n, n));
        }
        return new Ranges(ranges);
    }

    private static long number(String digits, String whole) {
        if (digits.equals("*")) {
            return STAR;
        }
        if (digits.isEmpty() || digits.length() > 10 || digits.charAt(0) == '0') {
            throw invalid(whole);
        }
        long n = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                throw invalid(whole);
            }
            n = n * 10 + (c - '0');
        }
        if (n > MAX_NUMBER) {
            throw ProtocolException.bad("Number out of range in sequence set: " + digits);
        }
        return n;
    }

    private static ProtocolException invalid(String whole) {
        String shown = whole.length() > 40 ? whole.substring(0, 40) + "…" : whole;
        return ProtocolException.bad("Invalid sequence set: " + shown);
    }

    /**
     * One {@code a} or {@code a:b} element; {@code first} and {@code last} are 1..2^32-1 or {@link #STAR}.
     *
     * @param first the number before the colon (or the single number)
     * @param last  the number after the colon (equal to {@code first} for a single number)
     */
    record Range(long first, long last) {
        /** Checks the bounds. */
        public Range {
            if (!valid(first) || !valid(last)) {
                throw new IllegalArgumentException("sequence number out of range: " + first + ":" + last);
            }
        }

        private static boolean valid(long n) {
            return n == STAR || (n >= 1 && n <= MAX_NUMBER);
        }

        /** The smallest number in this range once {@code *} is {@code max}. */
        public long low(long max) {
            return Math.min(resolve(first, max), resolve(last, max));
        }

        /** The largest number in this range once {@code *} is {@code max}. */
        public long high(long max) {
            return Math.max(resolve(first, max), resolve(last, max));
        }

        private static long resolve(long n, long max) {
            return n == STAR ? max : n;
        }

        String format() {
            String a = first == STAR ? "*" : Long.toString(first);
            if (first == last) {
                return a;
            }
            return a + ":" + (last == STAR ? "*" : Long.toString(last));
        }
    }

    /**
     * An explicit set of ranges.
     *
     * @param ranges at least one range, in the client's order
     */
    record Ranges(List<Range> ranges) implements SequenceSet {
        /** Copies the ranges and checks there is at least one. */
        public Ranges {
            ranges = List.copyOf(ranges);
            if (ranges.isEmpty()) {
                throw new IllegalArgumentException("empty sequence set");
            }
        }

        @Override
        public String format() {
            StringBuilder sb = new StringBuilder();
            for (Range r : ranges) {
                if (!sb.isEmpty()) {
                    sb.append(',');
                }
                sb.append(r.format());
            }
            return sb.toString();
        }

        /**
         * Whether {@code n} is in the set, given that {@code *} means {@code max}; numbers outside 1..max are
         * never contained (for UIDs, {@code max} is the highest UID in use, per RFC 3501 §6.4.8).
         */
        public boolean contains(long n, long max) {
            if (n < 1 || n > max) {
                return false;
            }
            for (Range r : ranges) {
                if (n >= r.low(max) && n <= r.high(max)) {
                    return true;
                }
            }
            return false;
        }

        /** The covered intervals within 1..max, sorted and merged. */
        public List<Interval> resolve(long max) {
            if (max < 1) {
                return List.of();
            }
            List<Interval> raw = new ArrayList<>(ranges.size());
            for (Range r : ranges) {
                long lo = r.low(max);
                long hi = Math.min(r.high(max), max);
                if (lo <= hi) {
                    raw.add(new Interval(lo, hi));
                }
            }
            raw.sort(Comparator.comparingLong(Interval::low));
            List<Interval> merged = new ArrayList<>(raw.size());
            for (Interval i : raw) {
                Interval last = merged.isEmpty() ? null : merged.getLast();
                if (last != null && i.low() <= last.high() + 1) {
                    merged.set(merged.size() - 1, new Interval(last.low(), Math.max(last.high(), i.high())));
                } else {
                    merged.add(i);
                }
            }
            return merged;
        }

        /** The distinct numbers of the set within 1..max, ascending. */
        public LongStream stream(long max) {
            return resolve(max).stream().flatMapToLong(i -> LongStream.rangeClosed(i.low(), i.high()));
        }

        /** Whether any range uses {@code *}. */
        public boolean usesStar() {
            return ranges.stream().anyMatch(r -> r.first() == STAR || r.last() == STAR);
        }

        @Override
        public String toString() {
            return format();
        }
    }

    /** {@code $}: the result saved by a previous {@code SEARCH RETURN (SAVE)} (RFC 5182 §2.1). */
    record Saved() implements SequenceSet {
        /** The single instance. */
        public static final Saved INSTANCE = new Saved();

        @Override
        public String format() {
            return "$";
        }

        @Override
        public String toString() {
            return "$";
        }
    }

    /**
     * A closed interval of numbers.
     *
     * @param low  the first number
     * @param high the last number, {@code >= low}
     */
    record Interval(long low, long high) {
        /** How many numbers the interval holds. */
        public long size() {
            return high - low + 1;
        }
    }
}
