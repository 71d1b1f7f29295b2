package io.quire.mail.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quire.mail.imap.protocol.Bad;
import io.quire.mail.imap.protocol.ContinuationLine;
import io.quire.mail.imap.protocol.ImapReceiver;
import io.quire.mail.imap.protocol.NeedLiteral;
import io.quire.mail.imap.protocol.NeedMore;
import io.quire.mail.imap.protocol.ReceiverConfig;
import io.quire.mail.imap.protocol.ReceiverEvent;
import io.quire.mail.imap.protocol.Request;
import io.quire.mail.imap.protocol.TooBig;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiConsumer;

/**
 * Test harness feeding wire text to an {@link ImapReceiver} in many chunkings, in the manner of Vert.x
 * {@code RecordParserTest.doTestDelimited}: every input is re-fed split at every position (and byte by
 * byte), and every chunking must give the same events.
 */
public final class Wire {
    /** Inputs up to this length are split at every position. */
    public static final int EXHAUSTIVE_LIMIT = 256;

    /** Plays the session's part: switches to raw lines after IDLE and AUTHENTICATE, as a handler would. */
    public static final BiConsumer<ReceiverEvent, ImapReceiver> SESSION = (event, receiver) -> {
        if (event instanceof Request r && (r.command().equals("IDLE")
                || r.command().equals("AUTHENTICATE") && r.args().size() == 1)) {
            receiver.expectContinuationLine();
        }
    };

    private Wire() {
    }

    /** The octets of a test string: ISO-8859-1, so "\u00e9" is the single octet 0xE9. */
    public static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Chunk boundaries to try: whole, every 2-way split, byte by byte, and a few random 3+-way splits. */
    public static List<int[]> chunkings(int length) {
        List<int[]> result = new ArrayList<>();
        result.add(new int[] {length});
        if (length <= EXHAUSTIVE_LIMIT) {
            for (int i = 1; i < length; i++) {
                result.add(new int[] {i, length - i});
            }
        } else {
            Random random = new Random(length);
            for (int k = 0; k < 64; k++) {
                int i = 1 + random.nextInt(length - 1);
                result.add(new int[] {i, length - i});
            }
        }
        int[] single = new int[length];
        java.util.Arrays.fill(single, 1);
        result.add(single);
        Random random = new Random(42);
        for (int k = 0; k < 8 && length > 3; k++) {
            List<Integer> sizes = new ArrayList<>();
            int left = length;
            while (left > 0) {
                int n = Math.min(left, 1 + random.nextInt(Math.max(1, length / 3)));
                sizes.add(n);
                left -= n;
            }
            result.add(sizes.stream().mapToInt(Integer::intValue).toArray());
        }
        return result;
    }

    /** Feeds {@code input} in chunks of the given sizes and collects every event but NeedMore. */
    public static List<ReceiverEvent> events(ReceiverConfig config, byte[] input, int[] chunkSizes,
                                             BiConsumer<ReceiverEvent, ImapReceiver> session) {
        ImapReceiver receiver = new ImapReceiver(config);
        List<ReceiverEvent> events = new ArrayList<>();
        int offset = 0;
        for (int size : chunkSizes) {
            receiver.feed(input, offset, size);
            offset += size;
            drain(receiver, events, session);
        }
        drain(receiver, events, session);
        return events;
    }

    private static void drain(ImapReceiver receiver, List<ReceiverEvent> events,
                              BiConsumer<ReceiverEvent, ImapReceiver> session) {
        while (true) {
            ReceiverEvent event = receiver.next();
            if (event instanceof NeedMore) {
                return;
            }
            events.add(event);
            session.accept(event, receiver);
        }
    }

    /** Events of the whole input fed at once, described. */
    public static List<String> describeAll(ReceiverConfig config, byte[] input) {
        return events(config, input, new int[] {input.length}, SESSION).stream().map(Wire::describe).toList();
    }

    /**
     * Asserts that every chunking of {@code input} yields {@code expected} (described events) and returns the
     * events of the whole input.
     */
    public static List<ReceiverEvent> assertEveryChunking(ReceiverConfig config, byte[] input, List<String> expected) {
        List<ReceiverEvent> whole = null;
        for (int[] chunks : chunkings(input.length)) {
            List<ReceiverEvent> events = events(config, input, chunks, SESSION);
            List<String> described = events.stream().map(Wire::describe).toList();
            assertEquals(expected, described, () -> "chunking " + java.util.Arrays.toString(
                    chunks.length > 20 ? java.util.Arrays.copyOf(chunks, 20) : chunks));
            if (whole == null) {
                whole = events;
            } else {
                assertEquals(whole, events, "events must be equal, not just alike");
            }
        }
        return whole;
    }

    /** A compact, readable description of an event. */
    public static String describe(ReceiverEvent event) {
        return switch (event) {
            case Request r -> r.toString();
            case NeedLiteral n -> "+literal " + n.tag() + " " + n.command() + " " + n.size()
                    + (n.nonSync() ? " nonsync" : "") + (n.binary() ? " binary" : "");
            case Bad b -> "BAD " + b.tag().map(Object::toString).orElse("*") + " " + b.message();
            case TooBig t -> "TOOBIG " + t.tag().map(Object::toString).orElse("*") + " " + t.kind();
            case ContinuationLine c -> "LINE " + c.text();
            case NeedMore m -> "NEEDMORE";
        };
    }
}
