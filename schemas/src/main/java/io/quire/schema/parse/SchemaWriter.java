package io.quire.schema.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import io.quire.schema.DocumentType;
import io.quire.schema.FieldDef;
import io.quire.schema.FieldGroup;
import io.quire.schema.FieldType;
import io.quire.schema.PolicyRef;
import io.quire.schema.Schema;
import io.quire.schema.SequenceDef;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a schema as canonical JSON: keys sorted at every level, two-space indentation, {@code \n}
 * line ends, every setting written out. Equal schemas give identical text, so replicas can compare
 * and hash the stored {@code .quire/schema.json}, and {@link SchemaParser#parse} reads it back equal.
 *
 * <p>What is left out: {@code scripts} and {@code groups} when empty, {@code sequence} when absent,
 * {@code items} on non-array fields, and {@code merge} on grouped fields (the group's policy applies,
 * and the parser gives the field that policy).
 */
public final class SchemaWriter {
    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final DefaultIndenter INDENT = new DefaultIndenter("  ", "\n");
    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""))
            .withObjectIndenter(INDENT)
            .withArrayIndenter(INDENT);

    private SchemaWriter() {
    }

    /** The canonical JSON text of {@code schema}, ending with a line break. */
    public static String toJson(Schema schema) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.setPrettyPrinter(PRETTY);
            // Keys are written in sorted order by hand; maps are walked through TreeMaps.
            g.writeStartObject();
            g.writeStringField("name", schema.name());
            if (!schema.scripts().isEmpty()) {
                g.writeObjectFieldStart("scripts");
                for (Map.Entry<String, String> e : new TreeMap<>(schema.scripts()).entrySet()) {
                    g.writeStringField(e.getKey(), e.getValue());
                }
                g.writeEndObject();
            }
            g.writeObjectFieldStart("types");
            for (DocumentType type : new TreeMap<>(schema.types()).values()) writeType(g, type);
            g.writeEndObject();
            g.writeNumberField("version", schema.version());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a String cannot fail", e);
        }
        return out + "\n";
    }

    /** A policy as the schema text spells it: {@code lww}, or {@code {script: NAME}}. */
    static String policyText(PolicyRef policy) {
        return switch (policy) {
            case PolicyRef.Named(String name) -> name;
            case PolicyRef.Script(String name) -> "{script: " + name + "}";
        };
    }

    private static void writeType(JsonGenerator g, DocumentType type) throws IOException {
        g.writeObjectFieldStart(type.name());
        g.writeObjectFieldStart("fields");
        for (FieldDef field : new TreeMap<>(type.fields()).values()) {
            writeField(g, field, type.groupOf(field.name()).isPresent());
        }
        g.writeEndObject();
        if (!type.groups().isEmpty()) {
            g.writeObjectFieldStart("groups");
            for (FieldGroup group : new TreeMap<>(type.groups()).values()) {
                g.writeObjectFieldStart(group.name());
                writeStrings(g, "fields", group.fields());
                writePolicy(g, group.merge());
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        g.writeStringField("onConflict", type.onConflict().wireName());
        g.writeBooleanField("strict", type.strict());
        g.writeEndObject();
    }

    private static void writeField(JsonGenerator g, FieldDef field, boolean grouped) throws IOException {
        g.writeObjectFieldStart(field.name());
        if (field.type() == FieldType.ARRAY) g.writeStringField("items", field.items().wireName());
        if (!grouped) writePolicy(g, field.merge());
        g.writeBooleanField("required", field.required());
        if (field.sequence().isPresent()) writeSequence(g, field.sequence().get());
        g.writeStringField("type", field.type().wireName());
        g.writeEndObject();
    }

    private static void writeSequence(JsonGenerator g, SequenceDef sequence) throws IOException {
        g.writeObjectFieldStart("sequence");
        if (sequence.counter().isPresent()) {
            SequenceDef.CounterRef counter = sequence.counter().get();
            g.writeObjectFieldStart("counter");
            g.writeStringField("field", counter.field());
            g.writeStringField("idField", counter.idField());
            g.writeStringField("type", counter.type());
            g.writeEndObject();
        }
        if (sequence.mode() != SequenceDef.Mode.UNIQUE) g.writeStringField("mode", sequence.mode().wireName());
        writeStrings(g, "orderBy", sequence.orderBy());
        writeStrings(g, "scope", sequence.scope());
        g.writeEndObject();
    }

    private static void writePolicy(JsonGenerator g, PolicyRef policy) throws IOException {
        switch (policy) {
            case PolicyRef.Named(String name) -> g.writeStringField("merge", name);
            case PolicyRef.Script(String name) -> {
                g.writeObjectFieldStart("merge");
                g.writeStringField("script", name);
                g.writeEndObject();
            }
        }
    }

    private static void writeStrings(JsonGenerator g, String key, List<String> values) throws IOException {
        g.writeArrayFieldStart(key);
        for (String v : values) g.writeString(v);
        g.writeEndArray();
    }
}
