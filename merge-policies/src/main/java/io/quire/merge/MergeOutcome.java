package io.quire.merge;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The result of merging one field: clean, or a deterministic winner with the losing values kept. */
public sealed interface MergeOutcome {
    /** The merged value ({@code NullNode} means the field is absent). */
    JsonNode value();

    record Clean(JsonNode value) implements MergeOutcome {
    }

    /**
     * The policy had to choose: {@code winner} is applied, {@code losers} are kept in a conflict record.
     *
     * @param reason why, for people (e.g. "both sides changed the value; later clock wins")
     */
    record Conflicted(JsonNode winner, List<JsonNode> losers, String reason) implements MergeOutcome {
        public Conflicted {
            losers = List.copyOf(losers);
        }

        @Override
        public JsonNode value() {
            return winner;
        }
    }
}
