package io.quire.mail.imap.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quire.mail.imap.session.ThreadNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** RFC 5256: base subject extraction (§2.1) and the two threading algorithms (§3), as pure functions. */
class ThreaderTest {

    @Test
    void baseSubjectDropsReplyAndForwardMarkersBlobsAndTrailers() {
        assertEquals(new BaseSubject("hello", true), BaseSubject.of("Re: [list] Fwd: hello (fwd)"));
        assertEquals(new BaseSubject("hi", true), BaseSubject.of("[fwd: Re: hi]"));
        assertEquals(new BaseSubject("lunch", true), BaseSubject.of("  Re:   RE:\tlunch  "));
        assertEquals(new BaseSubject("y", true), BaseSubject.of("re [x]: y"));
        assertEquals(new BaseSubject("x", true), BaseSubject.of("Fw: x"));
        assertEquals(new BaseSubject("a b", false), BaseSubject.of("a\r\n b"));
    }

    @Test
    void baseSubjectKeepsWhatOnlyLooksLikeAMarker() {
        assertEquals(new BaseSubject("Rest of it", false), BaseSubject.of("Rest of it"));
        // a blob is removed only when something is left after it
        assertEquals(new BaseSubject("[v2]", false), BaseSubject.of("[PATCH] [v2]"));
        assertEquals(new BaseSubject("Fwd", false), BaseSubject.of("Fwd"));
        assertEquals(new BaseSubject("", true), BaseSubject.of("Re:"));
        assertEquals(new BaseSubject("[unclosed", false), BaseSubject.of("[unclosed"));
    }

    @Test
    void orderedSubjectMakesTheOldestOfEachSubjectTheParentOfTheRest() {
        List<Threader.Message> m = List.of(
                msg(1, "b", 5), msg(2, "Re: a", 2), msg(3, "a", 3), msg(4, "RE: B", 1), msg(5, "c", 4));
        // a: 2 (t2), 3 (t3); b: 4 (t1), 1 (t5); c: 5 (t4) -> roots by date: 4, 2, 5
        assertEquals("(4 1)(2 3)(5)", format(Threader.orderedSubject(m)));
        assertEquals("(1 (2)(3))", format(Threader.orderedSubject(List.of(msg(1, "x", 1), msg(2, "x", 2),
                msg(3, "Re: x", 3)))));
    }

    @Test
    void referencesFollowsTheReferencesChainAndSortsSiblingsByDate() {
        List<Threader.Message> m = List.of(
                msg(1, "root", 1, "<1>"),
                msg(2, "Re: root", 3, "<2>", "<1>"),
                msg(3, "Re: root", 2, "<3>", "<1>"),
                msg(4, "Re: root", 4, "<4>", "<1>", "<2>"));
        assertEquals("(1 (3)(2 4))", format(Threader.references(m)));
    }

    @Test
    void referencesGroupsRepliesToAMissingMessageAndJoinsThemByBaseSubject() {
        List<Threader.Message> m = List.of(
                msg(1, "Re: gone", 2, "<1>", "<missing>"),
                msg(2, "Re: gone", 1, "<2>", "<missing>"),
                msg(3, "other", 3, "<3>", "<missing2>"));
        // 3's missing parent has one child: pruned; 1 and 2 stay under a placeholder at the top
        assertEquals("((2)(1))(3)", format(Threader.references(m)));
    }

    @Test
    void referencesNeverMakesALoopAndGivesDuplicateIdsTheirOwnPlace() {
        List<Threader.Message> loop = List.of(
                msg(1, "x", 1, "<a>", "<b>"),
                msg(2, "y", 2, "<b>", "<a>"));
        // 1 first hangs under <b>; when <b> turns out to be 2, making it 1's child would close a loop
        assertEquals("(2 1)", format(Threader.references(loop)));
        List<Threader.Message> dup = List.of(
                msg(1, "p", 1, "<same>"),
                msg(2, "q", 2, "<same>"),
                msg(3, "Re: p", 3, "<r>", "<same>"));
        assertEquals("(1 3)(2)", format(Threader.references(dup)));
    }

    @Test
    void aReplyJoinsTheOriginalOfItsSubjectButTwoOriginalsShareAPlaceholder() {
        List<Threader.Message> m = List.of(
                msg(1, "topic", 1, "<1>"),
                msg(2, "Re: topic", 2, "<2>"),
                msg(3, "topic", 3, "<3>"));
        // 2 is a reply with no references: it joins the original (1); 3 is a second original: a placeholder holds both
        assertEquals("((1 2)(3))", format(Threader.references(m)));
    }

    private static Threader.Message msg(int n, String subject, int minute, String... ids) {
        Optional<String> id = ids.length > 0 ? Optional.of(ids[0]) : Optional.empty();
        List<String> refs = ids.length > 1 ? Arrays.asList(ids).subList(1, ids.length) : List.of();
        return new Threader.Message(n, n, BaseSubject.of(subject), Instant.ofEpochSecond(1_700_000_000L + 60L * minute),
                id, refs);
    }

    /** The THREAD response's grammar (RFC 5256 §5), as the encoder writes it. */
    static String format(List<ThreadNode> threads) {
        StringBuilder sb = new StringBuilder();
        for (ThreadNode t : threads) {
            sb.append('(');
            members(sb, t);
            sb.append(')');
        }
        return sb.toString();
    }

    private static void members(StringBuilder sb, ThreadNode node) {
        List<String> parts = new ArrayList<>();
        ThreadNode n = node;
        while (true) {
            if (!n.placeholder()) {
                parts.add(Long.toString(n.number()));
            }
            if (n.children().size() == 1) {
                n = n.children().getFirst();
                continue;
            }
            break;
        }
        sb.append(String.join(" ", parts));
        if (!n.children().isEmpty()) {
            sb.append(parts.isEmpty() ? "" : " ");
            for (ThreadNode c : n.children()) {
                sb.append('(');
                members(sb, c);
                sb.append(')');
            }
        }
    }
}
