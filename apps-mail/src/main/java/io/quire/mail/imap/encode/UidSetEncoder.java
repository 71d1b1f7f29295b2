package io.quire.mail.imap.encode;

import io.quire.mail.imap.protocol.SequenceSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Compacts UIDs (or message numbers) into the shortest sequence-set text, e.g. {@code 1:5,7,9:12}, for
 * APPENDUID, COPYUID (RFC 4315 §3), MODIFIED, ESEARCH ALL and VANISHED.
 */
public final class UidSetEncoder {
    private UidSetEncoder() {
    }

    /** The set of {@code uids} sorted and de-duplicated, as ascending ranges. */
    public static SequenceSet.Ranges compact(long... uids) {
        if (uids.length == 0) {
            throw new IllegalArgumentException("a sequence set cannot be empty");
        }
        long[] sorted = uids.clone();
        Arrays.sort(sorted);
        List<SequenceSet.Range> ranges = new ArrayList<>();
        long first = sorted[0];
        long last = sorted[0];
        for (int i = 1; i < sorted.length; i++) {
            long n = sorted[i];
            if (n == last || n == last + 1) {
                last = n;
            } else {
                ranges.add(new SequenceSet.Range(first, last));
                first = n;
                last = n;
            }
        }
        ranges.add(new SequenceSet.Range(first, last));
        return new SequenceSet.Ranges(ranges);
    }

    /**
     * The UIDs in the given order, merging only ascending runs: COPYUID's source and destination sets must
     * list corresponding UIDs in the same order (RFC 4315 §3), so neither may be sorted on its own.
     */
    public static SequenceSet.Ranges inOrder(long... uids) {
        if (uids.length == 0) {
            throw new IllegalArgumentException("a sequence set cannot be empty");
        }
        List<SequenceSet.Range> ranges = new ArrayList<>();
        long first = uids[0];
        long last = uids[0];
        for (int i = 1; i < uids.length; i++) {
            if (uids[i] == last + 1) {
                last = uids[i];
            } else {
                ranges.add(new SequenceSet.Range(first, last));
                first = uids[i];
                last = uids[i];
            }
        }
        ranges.add(new SequenceSet.Range(first, last));
        return new SequenceSet.Ranges(ranges);
    }

    /** {@link #compact} as text. */
    public static String encode(long... uids) {
        return compact(uids).format();
    }
}
