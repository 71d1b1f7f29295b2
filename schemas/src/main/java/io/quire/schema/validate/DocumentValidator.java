package io.quire.schema.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.schema.DocumentType;
import io.quire.schema.FieldDef;
import io.quire.schema.Names;
import io.quire.schema.SchemaText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a document's data against its {@link DocumentType}, giving every violation (not just the
 * first) with the JSON Pointer of the failing value, e.g. {@code /emails/2}.
 *
 * <p>Rules: a required field must be present and not null; a non-required null means absent; a
 * present value must have the declared type (see {@code README.md}); field names must not be empty,
 * start with {@code $}, or exceed {@value Names#MAX_FIELD_NAME_LENGTH} characters; and a strict type
 * refuses undeclared fields.
 */
public final class DocumentValidator {
    private DocumentValidator() {
    }

    /** The violations of {@code data}, declared fields first in declaration order, then the others in data order. */
    public static List<Violation> validate(DocumentType type, ObjectNode data) {
        List<Violation> out = new ArrayList<>();
        for (FieldDef field : type.fields().values()) {
            String path = JsonPointer.of(field.name());
            JsonNode value = data.get(field.name());
            if (value == null || value.isNull()) {
                if (field.required()) {
                    out.add(new Violation(path, value == null ? SchemaText.requiredMissing() : SchemaText.requiredNull()));
                }
            } else {
                ValueCheck.check(value, field.type(), field.items(), path, out);
            }
        }
        for (Map.Entry<String, JsonNode> entry : data.properties()) {
            String name = entry.getKey();
            String path = JsonPointer.of(name);
            var problem = Names.fieldNameProblem(name);
            if (problem.isPresent()) {
                out.add(new Violation(path, problem.get()));
            } else if (type.strict() && !type.fields().containsKey(name)) {
                out.add(new Violation(path, SchemaText.undeclaredField()));
            }
        }
        return List.copyOf(out);
    }
}
