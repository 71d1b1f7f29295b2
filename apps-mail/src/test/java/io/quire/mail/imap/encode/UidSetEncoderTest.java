package io.quire.mail.imap.encode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quire.mail.imap.protocol.SequenceSet;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class UidSetEncoderTest {

    @Test
    void compactsSortedRuns() {
        assertEquals("1:5,7,9:12", UidSetEncoder.encode(12, 1, 2, 3, 4, 5, 7, 9, 10, 11, 5, 1));
        assertEquals("42", UidSetEncoder.encode(42));
    }

    @Test
    void inOrderKeepsTheGivenOrderForCopyUid() {
        assertEquals("5:6,2,9", UidSetEncoder.inOrder(5, 6, 2, 9).format());
    }

    @Test
    void anEmptySetCannotBeWritten() {
        assertThrows(IllegalArgumentException.class, UidSetEncoder::compact);
    }

    @Property(tries = 500)
    void theCompactSetHoldsExactlyTheGivenNumbers(@ForAll @Size(min = 1, max = 40) long[] raw) {
        long[] uids = Arrays.stream(raw).map(n -> 1 + Math.floorMod(n, 60)).toArray();
        SequenceSet.Ranges set = (SequenceSet.Ranges) SequenceSet.parse(UidSetEncoder.encode(uids));
        assertEquals(Arrays.stream(uids).sorted().distinct().boxed().toList(), set.stream(60).boxed().toList());
    }
}
