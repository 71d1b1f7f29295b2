package io.quire.merge.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quire.merge.JsonOrder;
import io.quire.merge.MergeInput;
import io.quire.merge.MergeOutcome;
import io.quire.merge.MergePolicy;
import io.quire.merge.document.DocumentCodec;
import java.util.Map;
import java.util.TreeMap;

/**
 * A three-way set merge of arrays: each side's additions and removals are applied (IMAP flags).
 *
 * <p>Merge semantics: always clean. Trivial cases first (equal sides, or one side unchanged, take
 * the other as it is). Otherwise arrays are read as sets of elements compared by canonical text,
 * and an element is in the result iff it is on both sides, or it is on one side and not in the
 * base (added there). So an element removed on one side and kept unchanged on the other is
 * removed, and an element added on either side is kept. The result holds each element once,
 * sorted by canonical text. Absence (JSON null) is the empty set; a non-array value, which
 * validation should have refused, is read as a one-element set. The result is an array (possibly
 * empty) whenever either side is one.
 */
public final class SetPolicy implements MergePolicy {
    public static final String NAME = "set";
    public static final SetPolicy INSTANCE = new SetPolicy();

    @Override
    public MergeOutcome merge(MergeInput in) {
        return Trivial.resolve(in).orElseGet(() -> {
            Map<String, JsonNode> base = elements(JsonOrder.orNull(in.base()));
            Map<String, JsonNode> ours = elements(in.ours().value());
            Map<String, JsonNode> theirs = elements(in.theirs().value());
            TreeMap<String, JsonNode> result = new TreeMap<>();
            ours.forEach((k, v) -> {
                if (theirs.containsKey(k) || !base.containsKey(k)) result.put(k, v);
            });
            theirs.forEach((k, v) -> {
                if (!base.containsKey(k)) result.putIfAbsent(k, v);
            });
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            result.values().forEach(out::add);
            return new MergeOutcome.Clean(out);
        });
    }

    /** Elements by canonical text; the TreeMap keeps the result order independent of the sides. */
    private static Map<String, JsonNode> elements(JsonNode value) {
        TreeMap<String, JsonNode> set = new TreeMap<>();
        if (JsonOrder.isAbsent(value)) return set;
        if (!value.isArray()) {
            set.put(DocumentCodec.canonicalString(value), value);
            return set;
        }
        for (JsonNode e : value) set.putIfAbsent(DocumentCodec.canonicalString(e), e);
        return set;
    }
}
