package io.quire.merge.js;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.merge.JsonOrder;
import io.quire.merge.MergeInput;
import io.quire.merge.ScriptResult;
import io.quire.merge.document.DocumentCodec;
import java.io.IOException;

/**
 * The four JSON texts a script call takes ({@code base}, {@code ours}, {@code theirs},
 * {@code context}), and the reading of its result. No polyglot types: the sandbox passes strings.
 */
record ScriptCall(String base, String ours, String theirs, String context) {
    /** The call for {@code in}; {@code context} is {@code {field, oursClock, theirsClock}}. */
    static ScriptCall of(MergeInput in) {
        ObjectNode context = DocumentCodec.MAPPER.createObjectNode();
        context.put("field", in.fieldName());
        context.put("oursClock", in.ours().clock().toString());
        context.put("theirsClock", in.theirs().clock().toString());
        return new ScriptCall(text(JsonOrder.orNull(in.base())), text(in.ours().value()), text(in.theirs().value()),
                text(context));
    }

    int size() {
        return base.length() + ours.length() + theirs.length() + context.length();
    }

    /** Reads the JSON text a script returned. */
    static ScriptResult result(String json) {
        try {
            JsonNode value = DocumentCodec.MAPPER.readTree(json);
            return value == null ? bad("empty result")
                    : new ScriptResult.Merged(value.isMissingNode() ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : value);
        } catch (IOException e) {
            return bad("the result is not JSON: " + clip(e.getMessage()));
        }
    }

    static ScriptResult.Failed bad(String detail) {
        return new ScriptResult.Failed(ScriptResult.Failure.BAD_OUTPUT, detail);
    }

    private static String text(JsonNode n) {
        return DocumentCodec.canonicalString(n);
    }

    /** A message for people: one line, bounded, never a stack trace. */
    static String clip(String message) {
        String m = message == null ? "" : message.replaceAll("\\s+", " ").strip();
        return m.length() <= 300 ? m : m.substring(0, 300) + "…";
    }
}
