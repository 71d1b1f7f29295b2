package io.quire.mail.imap.parse;

import static io.quire.mail.imap.parse.Parsing.command;
import static io.quire.mail.imap.parse.Parsing.error;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quire.mail.imap.parse.SearchKey.DateComparison;
import io.quire.mail.imap.parse.SearchKey.DateField;
import io.quire.mail.imap.protocol.Flag;
import io.quire.mail.imap.protocol.ResponseCode;
import io.quire.mail.imap.protocol.ResponseStatus;
import io.quire.mail.imap.protocol.SequenceSet;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class SearchParserTest {

    private static SearchKey key(String criteria) {
        return ((Search) command("a1 SEARCH " + criteria)).key();
    }

    private static SearchKey.And and(SearchKey... keys) {
        return new SearchKey.And(List.of(keys));
    }

    @Test
    void theRfcExampleParses() {
        // RFC 9051 §6.4.4: A282 SEARCH RETURN (MIN COUNT) FLAGGED SINCE 1-Feb-1994 NOT FROM "Smith"
        Search s = (Search) command("A282 SEARCH RETURN (MIN COUNT) FLAGGED SINCE 1-Feb-1994 NOT FROM \"Smith\"");
        assertEquals(new Search(false, Optional.empty(), and(
                new SearchKey.HasFlag(Flag.FLAGGED),
                new SearchKey.Date(DateField.INTERNAL, DateComparison.SINCE, LocalDate.of(1994, 2, 1)),
                new SearchKey.Not(new SearchKey.Address(SearchKey.AddressField.FROM, "Smith"))),
                Optional.of(EnumSet.of(SearchReturn.MIN, SearchReturn.COUNT))), s);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ALL|All[]", "answered|HasFlag[flag=\\Answered]", "UNSEEN|LacksFlag[flag=\\Seen]", "OLD|LacksFlag[flag=\\Recent]",
        "RECENT|HasFlag[flag=\\Recent]", "DRAFT|HasFlag[flag=\\Draft]", "UNDRAFT|LacksFlag[flag=\\Draft]",
        "DELETED|HasFlag[flag=\\Deleted]", "UNDELETED|LacksFlag[flag=\\Deleted]", "FLAGGED|HasFlag[flag=\\Flagged]",
        "UNFLAGGED|LacksFlag[flag=\\Flagged]", "UNANSWERED|LacksFlag[flag=\\Answered]", "SEEN|HasFlag[flag=\\Seen]",
        "NEW|And[keys=[HasFlag[flag=\\Recent], LacksFlag[flag=\\Seen]]]",
        "KEYWORD $Junk|HasFlag[flag=$Junk]", "UNKEYWORD Work|LacksFlag[flag=Work]",
        "BCC x|Address[field=BCC, value=x]", "CC \"a b\"|Address[field=CC, value=a b]", "TO y|Address[field=TO, value=y]",
        "SUBJECT hi|Subject[value=hi]", "BODY hi|Body[value=hi]", "TEXT hi|Text[value=hi]",
        "HEADER X-Spam \"\"|Header[field=X-Spam, value=]",
        "BEFORE 1-Feb-1994|Date[field=INTERNAL, comparison=BEFORE, date=1994-02-01]",
        "ON \"01-Feb-1994\"|Date[field=INTERNAL, comparison=ON, date=1994-02-01]",
        "SENTSINCE 28-feb-2024|Date[field=SENT, comparison=SINCE, date=2024-02-28]",
        "SENTBEFORE 1-Mar-2024|Date[field=SENT, comparison=BEFORE, date=2024-03-01]",
        "SENTON 1-Mar-2024|Date[field=SENT, comparison=ON, date=2024-03-01]",
        "LARGER 1024|Larger[size=1024]", "SMALLER 10|Smaller[size=10]",
        "OLDER 3600|Older[seconds=3600]", "YOUNGER 60|Younger[seconds=60]",
        "UID 1:*|Uid[set=1:*]", "2,4:6|Sequence[set=2,4:6]", "$|Sequence[set=$]", "*|Sequence[set=*]",
        "NOT SEEN|Not[key=HasFlag[flag=\\Seen]]",
        "OR SEEN FLAGGED|Or[left=HasFlag[flag=\\Seen], right=HasFlag[flag=\\Flagged]]",
        "(SEEN FLAGGED)|And[keys=[HasFlag[flag=\\Seen], HasFlag[flag=\\Flagged]]]",
        "((SEEN))|HasFlag[flag=\\Seen]",
        "MODSEQ 620162338|ModSeq[entryName=Optional.empty, entryType=Optional.empty, modSeq=620162338]",
        "MODSEQ \"/flags/\\\\draft\" all 620162338|ModSeq[entryName=Optional[/flags/\\draft], entryType=Optional[all], modSeq=620162338]",
    })
    void everyKeyParses(String criteria, String expected) {
        assertEquals(expected, key(criteria).toString());
    }

    @Test
    void charsetDecodesStringArgumentsAndUnknownCharsetsAreNoBadcharset() {
        Search s = (Search) command("a1 SEARCH CHARSET UTF-8 SUBJECT {6}\r\ncaf\u00c3\u00a9!");
        assertEquals(Optional.of("UTF-8"), s.charset());
        assertEquals(new SearchKey.Subject("café!"), s.key());
        ParseError e = error("a1 SEARCH CHARSET KOI8-R SUBJECT x");
        assertEquals(ResponseStatus.NO, e.status());
        assertEquals(Optional.of(new ResponseCode.BadCharset(List.of("US-ASCII", "UTF-8"))), e.code());
    }

    @Test
    void emptyReturnMeansAll() {
        Search s = (Search) command("a1 UID SEARCH RETURN () ALL");
        assertEquals(Optional.of(Set.of(SearchReturn.ALL)), s.returnOptions());
        assertEquals(true, s.uid());
        assertEquals(Optional.of(Set.of(SearchReturn.SAVE)), ((Search) command("a1 SEARCH RETURN (SAVE) SEEN")).returnOptions());
    }

    @Test
    void deepNestingIsRefusedRatherThanOverflowingTheStack() {
        assertEquals("Search criteria nested too deeply", error("a1 SEARCH " + "NOT ".repeat(100) + "SEEN").message());
        assertEquals("Search criteria nested too deeply", error("a1 SEARCH " + "OR SEEN ".repeat(100) + "SEEN").message());
        assertEquals(new SearchKey.Not(new SearchKey.Not(new SearchKey.HasFlag(Flag.SEEN))), key("NOT NOT SEEN"));
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("", "Missing search criteria"),
                Arguments.of("FOO", "Unknown search key: FOO"),
                Arguments.of("\"SEEN\"", "Expected a search key, found a string"),
                Arguments.of("()", "Empty parenthesised search key"),
                Arguments.of("FROM", "Missing FROM argument"),
                Arguments.of("OR SEEN", "Missing search key"),
                Arguments.of("BEFORE 31-Feb-2024", "Invalid date: 31-Feb-2024"),
                Arguments.of("BEFORE 1-Feb-94", "Invalid date, expected d-Mon-yyyy: 1-Feb-94"),
                Arguments.of("BEFORE {10}\r\n1-Feb-1994", "Expected a date such as 1-Feb-1994"),
                Arguments.of("KEYWORD \\Seen", "KEYWORD needs a keyword, not a system flag; use the flag's own key"),
                Arguments.of("LARGER -1", "Invalid LARGER size: -1"),
                Arguments.of("UID 0", "Invalid sequence set: 0"),
                Arguments.of("RETURN (BOGUS) ALL", "Unknown search return option: BOGUS"),
                Arguments.of("CHARSET", "Missing charset"),
                Arguments.of("MODSEQ \"/flags/x\" mine 5", "Entry type must be priv, shared or all"),
                Arguments.of("HEADER \"\" x", "Empty header field name"));
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void malformedCriteriaAreBadWithAReason(String criteria, String message) {
        assertEquals(message, error("a1 SEARCH " + criteria).message());
    }

    @Test
    void sortTakesCriteriaAndAMandatoryCharset() {
        // RFC 5256 §3 example.
        Sort s = (Sort) command("A282 SORT (SUBJECT) UTF-8 SINCE 1-Feb-1994");
        assertEquals(new Sort(false, List.of(new SortCriterion(SortCriterion.Key.SUBJECT, false)), "UTF-8",
                new SearchKey.Date(DateField.INTERNAL, DateComparison.SINCE, LocalDate.of(1994, 2, 1)), Optional.empty()), s);
        Sort r = (Sort) command("a1 UID SORT RETURN (COUNT) (REVERSE DATE from) US-ASCII ALL");
        assertEquals(List.of(new SortCriterion(SortCriterion.Key.DATE, true), new SortCriterion(SortCriterion.Key.FROM, false)),
                r.criteria());
        assertEquals(Optional.of(EnumSet.of(SearchReturn.COUNT)), r.returnOptions());
        assertEquals("Missing charset", error("a1 SORT (DATE)").message());
        assertEquals("Missing sort key", error("a1 SORT (REVERSE) UTF-8 ALL").message());
        assertEquals("Unknown sort key: COLOUR", error("a1 SORT (COLOUR) UTF-8 ALL").message());
        assertEquals("Missing search criteria", error("a1 SORT (DATE) UTF-8").message());
    }

    @Test
    void threadTakesAnAlgorithmAndACharset() {
        assertEquals(new ThreadMessages(true, ThreadMessages.Algorithm.REFERENCES, "UTF-8",
                        new SearchKey.Uid(SequenceSet.parse("1:*"))),
                command("a1 UID THREAD references utf-8 UID 1:*"));
        assertEquals(ThreadMessages.Algorithm.ORDEREDSUBJECT,
                ((ThreadMessages) command("a1 THREAD ORDEREDSUBJECT UTF-8 SINCE 5-MAR-2000")).algorithm());
        assertEquals("Unknown threading algorithm: NEAREST", error("a1 THREAD NEAREST UTF-8 ALL").message());
        assertEquals(ResponseStatus.NO, error("a1 THREAD REFS ISO-2022-JP ALL").status());
    }
}
