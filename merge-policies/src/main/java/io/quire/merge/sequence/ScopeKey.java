package io.quire.merge.sequence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.merge.JsonOrder;
import io.quire.merge.document.DocumentCodec;
import java.util.ArrayList;
import java.util.List;

/**
 * The partition a sequence value is unique in: the canonical texts of a document's scope fields
 * (for IMAP UIDs, the mailbox). Absent fields read as {@code null}.
 */
public record ScopeKey(List<String> values) implements Comparable<ScopeKey> {
    /** The one scope of a sequence declared without scope fields. */
    public static final ScopeKey GLOBAL = new ScopeKey(List.of());

    public ScopeKey {
        values = List.copyOf(values);
    }

    /** The scope of a document whose fields are {@code data}, for the given scope fields. */
    public static ScopeKey of(ObjectNode data, List<String> scopeFields) {
        List<String> values = new ArrayList<>(scopeFields.size());
        for (String f : scopeFields) values.add(DocumentCodec.canonicalString(JsonOrder.orNull(data.get(f))));
        return new ScopeKey(values);
    }

    /** Scope keys of one sequence; a convenience for single-field scopes such as a mailbox name. */
    public static ScopeKey of(JsonNode... values) {
        List<String> texts = new ArrayList<>(values.length);
        for (JsonNode v : values) texts.add(DocumentCodec.canonicalString(JsonOrder.orNull(v)));
        return new ScopeKey(texts);
    }

    @Override
    public int compareTo(ScopeKey o) {
        for (int i = 0; i < Math.min(values.size(), o.values.size()); i++) {
            int c = values.get(i).compareTo(o.values.get(i));
            if (c != 0) return c;
        }
        return Integer.compare(values.size(), o.values.size());
    }
}
