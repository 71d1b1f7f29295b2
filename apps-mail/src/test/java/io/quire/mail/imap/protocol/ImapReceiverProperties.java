package io.quire.mail.imap.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quire.mail.imap.Wire;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of {@link ImapReceiver} over hostile byte soup. */
class ImapReceiverProperties {
    private static final byte[] ALPHABET = Wire.bytes("a1 (){}[]<>+~\"\\*%:.,0123456789\r\n\r\n\t\u00e9\u0000NIL");

    @Provide
    Arbitrary<byte[]> soup() {
        return Arbitraries.of(toList(ALPHABET)).list().ofMaxSize(120).map(ImapReceiverProperties::toArray);
    }

    @Provide
    Arbitrary<int[]> cuts() {
        return Arbitraries.integers().between(1, 17).array(int[].class).ofMinSize(1).ofMaxSize(30);
    }

    @Property(tries = 2000)
    void anyInputGivesTheSameEventsInAnyChunkingAndNeverThrows(@ForAll("soup") byte[] input,
                                                                   @ForAll("cuts") int[] cuts) {
        ReceiverConfig config = ReceiverConfig.DEFAULT.withMaxLineBytes(32).withLiteralLimits(20, 8, 40);
        List<ReceiverEvent> whole = Wire.events(config, input, new int[] {input.length}, Wire.SESSION);
        List<ReceiverEvent> chunked = Wire.events(config, input, chunkSizes(cuts, input.length), Wire.SESSION);
        assertEquals(whole, chunked);
    }

    @Property(tries = 2000)
    void aCommandAfterGarbageWithoutLiteralsIsStillReceived(@ForAll("soup") byte[] garbage) {
        byte[] clean = withoutBraces(garbage);
        byte[] input = concat(clean, Wire.bytes("\r\nz9 NOOP\r\n"));
        List<String> events = Wire.describeAll(ReceiverConfig.DEFAULT, input);
        // An IDLE or AUTHENTICATE in the garbage makes the next line raw, as the session would.
        String last = events.getLast();
        if (!last.startsWith("LINE ")) {
            assertEquals("z9 NOOP", last);
        }
    }

    private static int[] chunkSizes(int[] cuts, int length) {
        List<Integer> sizes = new ArrayList<>();
        int left = length;
        for (int i = 0; left > 0; i++) {
            int n = Math.min(left, cuts[i % cuts.length]);
            sizes.add(n);
            left -= n;
        }
        return sizes.stream().mapToInt(Integer::intValue).toArray();
    }

    private static byte[] withoutBraces(byte[] input) {
        byte[] out = input.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] == '{') {
                out[i] = '(';
            }
        }
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static List<Byte> toList(byte[] bytes) {
        List<Byte> list = new ArrayList<>();
        for (byte b : bytes) {
            list.add(b);
        }
        return list;
    }

    private static byte[] toArray(List<Byte> list) {
        byte[] out = new byte[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = list.get(i);
        }
        return out;
    }
}
