package io.quire.schema.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.schema.FieldType;
import io.quire.schema.SchemaText;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/** Checks one JSON value against a {@link FieldType}, adding a {@link Violation} per failing path. */
final class ValueCheck {
    static final String BLOB_ID = "$blob";
    static final String BLOB_SIZE = "size";
    static final String BASE64 = "$base64";

    /** A Git SHA-1 object id as Git prints it; upper case would name the same object twice. */
    private static final Pattern OBJECT_ID = Pattern.compile("[0-9a-f]{40}");

    private ValueCheck() {
    }

    /** Checks a present, non-null value; an array's items are checked against {@code items}. */
    static void check(JsonNode value, FieldType type, FieldType items, String path, List<Violation> out) {
        switch (type) {
            case STRING -> expect(value.isTextual(), "a string", value, path, out);
            case INTEGER -> integer(value, path, out);
            case NUMBER -> expect(value.isNumber(), "a number", value, path, out);
            case BOOLEAN -> expect(value.isBoolean(), "a boolean", value, path, out);
            case OBJECT -> expect(value.isObject(), "an object", value, path, out);
            case ARRAY -> {
                if (expect(value.isArray(), "an array", value, path, out) && items != FieldType.ANY) {
                    for (int i = 0; i < value.size(); i++) {
                        check(value.get(i), items, FieldType.ANY, path + "/" + i, out);
                    }
                }
            }
            case BLOB -> blob(value, path, out);
            case ANY -> {
                // Any JSON value is accepted.
            }
        }
    }

    /** An integral JSON number that fits in a long; {@code 3.0} is refused, as it is stored as written. */
    private static void integer(JsonNode value, String path, List<Violation> out) {
        if (!expect(value.isIntegralNumber(), "an integer", value, path, out)) return;
        if (!value.canConvertToLong()) out.add(new Violation(path, SchemaText.integerOutOfRange()));
    }

    /**
     * A blob reference {@code {"$blob": "<id>", "size": n}} or inline content {@code {"$base64": "…"}},
     * which the server stores as a Git blob and replaces with a reference.
     */
    private static void blob(JsonNode value, String path, List<Violation> out) {
        if (value.isObject() && value.size() == 2 && value.has(BLOB_ID) && value.has(BLOB_SIZE)) {
            JsonNode id = value.get(BLOB_ID);
            if (!id.isTextual() || !OBJECT_ID.matcher(id.asText()).matches()) {
                out.add(new Violation(path + "/" + JsonPointer.escape(BLOB_ID), SchemaText.blobId()));
            }
            JsonNode size = value.get(BLOB_SIZE);
            if (!size.isIntegralNumber() || !size.canConvertToLong() || size.asLong() < 0) {
                out.add(new Violation(path + "/" + BLOB_SIZE, SchemaText.blobSize()));
            }
        } else if (value.isObject() && value.size() == 1 && value.has(BASE64)) {
            JsonNode content = value.get(BASE64);
            if (!content.isTextual() || !isBase64(content.asText())) {
                out.add(new Violation(path + "/" + JsonPointer.escape(BASE64), SchemaText.base64()));
            }
        } else {
            out.add(new Violation(path, SchemaText.blobShape()));
        }
    }

    private static boolean isBase64(String text) {
        try {
            Base64.getDecoder().decode(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean expect(boolean ok, String expected, JsonNode found, String path, List<Violation> out) {
        if (!ok) out.add(new Violation(path, SchemaText.wrongValueType(expected, describe(found))));
        return ok;
    }

    /** Names a value's JSON type for messages (values themselves may be private data, so not shown). */
    static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> node.isIntegralNumber() ? "an integer" : "a number with a fraction or exponent";
            case BOOLEAN -> "a boolean";
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case NULL -> "null";
            case BINARY, POJO, MISSING -> "a non-JSON value";
        };
    }
}
