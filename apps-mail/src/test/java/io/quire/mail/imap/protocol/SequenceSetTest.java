package io.quire.mail.imap.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SequenceSetTest {

    private static SequenceSet.Ranges ranges(String s) {
        return (SequenceSet.Ranges) SequenceSet.parse(s);
    }

    @Test
    void parsesNumbersRangesAndStar() {
        SequenceSet.Ranges set = ranges("1:5,7,9:*");
        assertEquals(List.of(new SequenceSet.Range(1, 5), new SequenceSet.Range(7, 7),
                new SequenceSet.Range(9, SequenceSet.STAR)), set.ranges());
        assertEquals("1:5,7,9:*", set.format());
        assertTrue(set.usesStar());
    }

    @Test
    void dollarIsTheSavedSearchResult() {
        assertInstanceOf(SequenceSet.Saved.class, SequenceSet.parse("$"));
        assertEquals("$", SequenceSet.parse("$").format());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "0:5", "5:0", "01", "1,", ",1", "1,,2", "1::2", "1:2:3", "a", "-1", "1.5",
        "4294967296", "99999999999", "$,1", "1,$", "$:2", "**", " 1"})
    void refusesTextOutsideTheGrammar(String text) {
        ProtocolException e = assertThrows(ProtocolException.class, () -> SequenceSet.parse(text));
        assertEquals(ResponseStatus.BAD, e.status());
    }

    @Test
    void acceptsTheLargestNzNumber() {
        assertEquals("4294967295", SequenceSet.parse("4294967295").format());
    }

    @Test
    void containsResolvesStarToTheLargestNumberAndIgnoresRangeDirection() {
        SequenceSet.Ranges set = ranges("8:3,20:*");
        assertTrue(set.contains(3, 30));
        assertTrue(set.contains(8, 30));
        assertFalse(set.contains(9, 30));
        assertTrue(set.contains(25, 30));
        assertTrue(set.contains(30, 30));
        assertFalse(set.contains(31, 30));
        assertFalse(set.contains(0, 30));
    }

    @Test
    void aRangeEndingInStarIncludesTheLargestNumberEvenBelowItsStart() {
        // RFC 9051 §6.4.9: "UID 5:*" with 4 as the largest UID selects UID 4.
        SequenceSet.Ranges set = ranges("5:*");
        assertTrue(set.contains(4, 4));
        assertEquals(List.of(4L), set.stream(4).boxed().toList());
    }

    @Test
    void iterationIsAscendingDistinctAndClippedToMax() {
        assertEquals(List.of(1L, 2L, 3L, 5L, 6L, 9L, 10L), ranges("6:5,1:3,2,9:*,10").stream(10).boxed().toList());
        assertEquals(List.of(new SequenceSet.Interval(1, 3), new SequenceSet.Interval(5, 6),
                new SequenceSet.Interval(9, 10)), ranges("6:5,1:3,2,9:*,10").resolve(10));
        assertEquals(List.of(), ranges("1:*").stream(0).boxed().toList());
        assertEquals(List.of(3L, 4L), ranges("3:100").stream(4).boxed().toList());
    }

    @Test
    void adjacentIntervalsMerge() {
        assertEquals(List.of(new SequenceSet.Interval(1, 9)), ranges("1:3,4:6,7:9").resolve(100));
    }
}
