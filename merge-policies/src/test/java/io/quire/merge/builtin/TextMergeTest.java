package io.quire.merge.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.quire.merge.Hlc;
import io.quire.merge.MergeInput;
import io.quire.merge.MergeOutcome;
import io.quire.merge.Side;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One-line three-way text merges, after JGit's {@code MergeAlgorithmTest}: {@code base | ours |
 * theirs => result}, each character one line; a trailing {@code !} means the outcome is
 * Conflicted (both versions kept, smaller first, no markers); {@code _} is an absent value.
 */
class TextMergeTest {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "abc | abc | abc => abc",
            "abc | aXc | abc => aXc",
            "abc | abc | aXc => aXc",
            "abc | aXc | aXc => aXc",
            "abc | aXc | abY => aXcbY !",
            "abcde | aXcde | abcdY => aXcdY",
            "abc | aXbc | abYc => aXbYc",
            "abc | ac | abc => ac",
            "abc | ac | aXc => aXc !",
            "abc | aXc | aYc => aXYc !",
            "abc | aYc | aXc => aXYc !",
            "abc | aXXc | aYc => aXXYc !",
            " | a | b => ab !",
            "_ | a | b => ab !",
            "ab | _ | abc => abc !",
            "abcdef | aXcdeY | abZdef => aXcbZdeY !",
            "abcdef | aXcdef | abcdYf => aXcdYf",
    })
    void mergesLikeTheTable(String row) {
        String[] io = row.split("=>");
        String[] in = io[0].split("\\|");
        String expected = io[1].strip();
        boolean conflicted = expected.endsWith("!");
        expected = expected.replace("!", "").strip();
        MergeOutcome out = TextMergePolicy.INSTANCE.merge(new MergeInput(Optional.of(lines(in[0])).filter(n -> !n.isNull()),
                Side.of(lines(in[1]), new Hlc(1, 0, "a")), Side.of(lines(in[2]), new Hlc(1, 0, "b")), "body", null));
        assertEquals(lines(expected).textValue(), out.value().textValue(), row);
        assertEquals(conflicted, out instanceof MergeOutcome.Conflicted, row);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "a\\nb | a\\nX | a\\nY => a\\nX\\nY",
            "a\\nb\\n | a\\nb\\nc | X\\nb\\n => X\\nb\\nc",
            "a\\r\\nb\\r\\nc\\r\\n | X\\r\\nb\\r\\nc\\r\\n | a\\r\\nb\\r\\nY\\r\\n => X\\r\\nb\\r\\nY\\r\\n",
    })
    void keepsMissingFinalNewlinesAndCarriageReturns(String row) {
        String[] io = row.replace("\\n", "\n").replace("\\r", "\r").split(" => ");
        String[] in = io[0].split(" \\| ");
        MergeOutcome out = TextMergePolicy.INSTANCE.merge(new MergeInput(Optional.of(TextNode.valueOf(in[0])),
                Side.of(TextNode.valueOf(in[1]), Hlc.ZERO), Side.of(TextNode.valueOf(in[2]), Hlc.ZERO), "body", null));
        assertEquals(io[1], out.value().textValue(), row);
    }

    // Adjacent edits conflict, as in git: "abc | aXc | abY" changes lines 2 and 3 next to each other.

    /** Each character a line; blank is the empty text, {@code _} absent. */
    static JsonNode lines(String chars) {
        String s = chars.strip();
        if (s.equals("_")) return NullNode.getInstance();
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) b.append(c).append('\n');
        return TextNode.valueOf(b.toString());
    }
}
