package io.quire.merge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import io.quire.merge.document.DocumentCodec;
import java.util.Comparator;
import java.util.Optional;

/**
 * A total order on JSON values, used wherever a merge must pick one of two values without a clock.
 *
 * <p>Values order first by kind (absent/null, boolean, number, string, array, object), then numbers
 * numerically and strings by UTF-16 code units, everything else by canonical text; ties (such as
 * {@code 1} and {@code 1.0}) are broken by canonical text. The order is consistent with
 * {@link DocumentCodec#sameValue}: two values compare equal exactly when their canonical texts are
 * equal, which is what lets every replica choose alike.
 */
public final class JsonOrder {
    /** The order; {@code null} and {@code MissingNode} count as JSON null. */
    public static final Comparator<JsonNode> COMPARATOR = JsonOrder::compare;

    private JsonOrder() {
    }

    public static int compare(JsonNode a, JsonNode b) {
        JsonNode x = orNull(a);
        JsonNode y = orNull(b);
        int byKind = Integer.compare(rank(x), rank(y));
        if (byKind != 0) return byKind;
        int byValue = switch (x.getNodeType()) {
            case NUMBER -> x.decimalValue().compareTo(y.decimalValue());
            case STRING -> x.textValue().compareTo(y.textValue());
            default -> 0;
        };
        return byValue != 0 ? byValue : DocumentCodec.canonicalString(x).compareTo(DocumentCodec.canonicalString(y));
    }

    /** The greater of two values in this order (either, when they are equal). */
    public static JsonNode max(JsonNode a, JsonNode b) {
        return compare(a, b) >= 0 ? a : b;
    }

    /** The lesser of two values in this order (either, when they are equal). */
    public static JsonNode min(JsonNode a, JsonNode b) {
        return compare(a, b) <= 0 ? a : b;
    }

    /** Whether the value is absent: Java null, {@code MissingNode} or JSON null. */
    public static boolean isAbsent(JsonNode n) {
        return n == null || n.isMissingNode() || n.isNull();
    }

    /** The value, with absence (Java null, {@code MissingNode}) normalised to JSON null. */
    public static JsonNode orNull(JsonNode n) {
        return n == null || n.isMissingNode() ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : n;
    }

    /** A base value, with "field absent in the ancestor" normalised to JSON null. */
    public static JsonNode orNull(Optional<JsonNode> base) {
        return orNull(base.orElse(null));
    }

    private static int rank(JsonNode n) {
        JsonNodeType t = n.getNodeType();
        return switch (t) {
            case NULL, MISSING -> 0;
            case BOOLEAN -> 1;
            case NUMBER -> 2;
            case STRING -> 3;
            case BINARY -> 4;
            case ARRAY -> 5;
            case OBJECT, POJO -> 6;
        };
    }
}
