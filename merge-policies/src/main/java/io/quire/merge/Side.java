package io.quire.merge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

/**
 * One side of a three-way merge of a field (or field group): its value and when/where it was written.
 *
 * @param value   the value; {@link NullNode} when the field is absent
 * @param clock   the clock reading of the last write to this field on this side ({@link Hlc#ZERO} when unknown)
 * @param commit  the commit this side comes from (for conflict records; may be empty)
 */
public record Side(JsonNode value, Hlc clock, String commit) {
    public Side {
        if (value == null || value.isMissingNode()) value = NullNode.getInstance();
        if (clock == null) clock = Hlc.ZERO;
        if (commit == null) commit = "";
    }

    public static Side of(JsonNode value, Hlc clock) {
        return new Side(value, clock, "");
    }
}
