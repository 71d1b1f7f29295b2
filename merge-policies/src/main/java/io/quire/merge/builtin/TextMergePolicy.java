package io.quire.merge.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.quire.merge.JsonOrder;
import io.quire.merge.MergeInput;
import io.quire.merge.MergeOutcome;
import io.quire.merge.MergePolicy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.merge.MergeAlgorithm;
import org.eclipse.jgit.merge.MergeChunk;
import org.eclipse.jgit.merge.MergeResult;

/**
 * A line-based three-way text merge with JGit's {@link MergeAlgorithm} (the algorithm behind
 * {@code git merge} for file contents).
 *
 * <p>Merge semantics: trivial cases first (equal sides, or one side unchanged, take the other).
 * Otherwise the base, ours and theirs are split into lines and merged; edits to different lines
 * combine cleanly. Where both sides changed the same lines, both versions of that region are kept,
 * the one with the smaller text first, without conflict markers (a document field is not a
 * working-tree file: markers would be data), and the outcome is {@code Conflicted} with both
 * sides' full texts as losers. Absence (JSON null) is the empty text. A value that is not a string
 * cannot be merged by lines: the merge falls back to {@link LastWriterWinsPolicy}.
 *
 * <p>The sides are handed to JGit in the order of their texts, not as ours/theirs, so the result
 * is symmetric even where the diff algorithm itself is not.
 */
public final class TextMergePolicy implements MergePolicy {
    public static final String NAME = "text";
    public static final TextMergePolicy INSTANCE = new TextMergePolicy();

    @Override
    public MergeOutcome merge(MergeInput in) {
        return Trivial.resolve(in).orElseGet(() -> {
            JsonNode base = JsonOrder.orNull(in.base());
            JsonNode ours = in.ours().value();
            JsonNode theirs = in.theirs().value();
            if (!isText(base) || !isText(ours) || !isText(theirs)) {
                MergeOutcome lww = LastWriterWinsPolicy.INSTANCE.merge(in);
                return new MergeOutcome.Conflicted(lww.value(), List.of(ours, theirs),
                        "not text, so not merged by lines; last writer wins");
            }
            String a = text(ours);
            String b = text(theirs);
            boolean oursFirst = a.compareTo(b) <= 0;
            Merged m = mergeLines(text(base), oursFirst ? a : b, oursFirst ? b : a);
            if (!m.conflicted()) return new MergeOutcome.Clean(TextNode.valueOf(m.text()));
            return new MergeOutcome.Conflicted(TextNode.valueOf(m.text()), List.of(ours, theirs),
                    "both sides changed the same lines; both versions kept, smaller first");
        });
    }

    /** A line merge's text and whether any region was changed on both sides. */
    record Merged(String text, boolean conflicted) {
    }

    /** Merges line by line; conflicting regions keep {@code first}'s lines, then {@code second}'s. */
    static Merged mergeLines(String base, String first, String second) {
        MergeResult<RawText> result = new MergeAlgorithm().merge(RawTextComparator.DEFAULT,
                raw(base), raw(first), raw(second));
        List<RawText> seqs = result.getSequences();
        Lines out = new Lines();
        for (MergeChunk chunk : result) {
            switch (chunk.getConflictState()) {
                case BASE_CONFLICTING_RANGE -> {
                    continue;
                }
                // A first version without a final newline must not run into the second one.
                case NEXT_CONFLICTING_RANGE -> out.endLine();
                default -> {
                }
            }
            RawText seq = seqs.get(chunk.getSequenceIndex());
            for (int i = chunk.getBegin(); i < chunk.getEnd(); i++) out.line(seq, i);
        }
        return new Merged(out.text(), result.containsConflicts());
    }

    /** Collects merged lines, keeping a missing final newline only where the input had none. */
    private static final class Lines {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private boolean atLineStart = true;

        void line(RawText seq, int line) {
            try {
                seq.writeLine(out, line);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            atLineStart = line < seq.size() - 1 || !seq.isMissingNewlineAtEnd();
            if (atLineStart) out.write('\n');
        }

        void endLine() {
            if (!atLineStart) out.write('\n');
            atLineStart = true;
        }

        String text() {
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    private static RawText raw(String s) {
        return new RawText(s.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean isText(JsonNode n) {
        return n.isTextual() || JsonOrder.isAbsent(n);
    }

    private static String text(JsonNode n) {
        return n.isTextual() ? n.textValue() : "";
    }
}
