package io.quire.merge.document;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.merge.Hlc;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Canonical JSON: object keys sorted, no insignificant whitespace, numbers as Jackson writes them,
 * one trailing newline. Equal content gives equal bytes, hence an equal Git blob id, which lets
 * identical changes on two replicas merge trivially.
 *
 * <p>Stored layout of a document: {@code {"clock":{"<unit>":"<hlc>",...},"data":{...}}}, plus
 * {@code "counters":{"<field>":{"up":{"<replica>":n},"down":{...}}}} for counter fields.
 */
public final class DocumentCodec {
    /** Shared mapper: BigDecimal for floats so numbers round-trip exactly; bounded nesting. */
    public static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build()).build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(SerializationFeature.INDENT_OUTPUT)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    private DocumentCodec() {
    }

    public static byte[] encode(StoredDocument doc) {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode clock = root.putObject("clock");
        doc.clocks().forEach((k, v) -> clock.put(k, v.toString()));
        root.set("data", doc.data());
        if (!doc.counters().isEmpty()) {
            ObjectNode counters = root.putObject("counters");
            doc.counters().forEach((field, st) -> {
                ObjectNode f = counters.putObject(field);
                st.up().forEach(f.putObject("up")::put);
                st.down().forEach(f.putObject("down")::put);
            });
        }
        return canonical(root);
    }

    public static StoredDocument decode(byte[] bytes) {
        try {
            JsonNode root = MAPPER.readTree(bytes);
            if (root == null || !root.isObject() || !root.path("data").isObject())
                throw new IllegalArgumentException("not a stored document");
            TreeMap<String, Hlc> clocks = new TreeMap<>();
            root.path("clock").properties().forEach(e -> clocks.put(e.getKey(), Hlc.parse(e.getValue().asText())));
            TreeMap<String, CounterState> counters = new TreeMap<>();
            root.path("counters").properties().forEach(e -> {
                TreeMap<String, Long> up = new TreeMap<>(), down = new TreeMap<>();
                e.getValue().path("up").properties().forEach(x -> up.put(x.getKey(), x.getValue().asLong()));
                e.getValue().path("down").properties().forEach(x -> down.put(x.getKey(), x.getValue().asLong()));
                counters.put(e.getKey(), new CounterState(up, down));
            });
            return new StoredDocument((ObjectNode) root.get("data"), clocks, counters);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a stored document: " + e.getMessage(), e);
        }
    }

    /** The canonical bytes of any JSON value, with a trailing newline. */
    public static byte[] canonical(JsonNode node) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
            write(g, node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.write('\n');
        return out.toByteArray();
    }

    /** Canonical text without the trailing newline: a total order key for JSON values. */
    public static String canonicalString(JsonNode node) {
        byte[] b = canonical(node);
        return new String(b, 0, b.length - 1, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void write(JsonGenerator g, JsonNode n) throws IOException {
        if (n.isObject()) {
            g.writeStartObject();
            List<String> names = new ArrayList<>();
            for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) names.add(it.next());
            Collections.sort(names);
            for (String name : names) {
                g.writeFieldName(name);
                write(g, n.get(name));
            }
            g.writeEndObject();
        } else if (n.isArray()) {
            g.writeStartArray();
            for (JsonNode e : n) write(g, e);
            g.writeEndArray();
        } else if (n.isBigDecimal() || n.isDouble() || n.isFloat()) {
            // Normalise 1.50 and 1.5 to one form; integral decimals stay decimals (1.0 -> 1.0).
            java.math.BigDecimal d = n.decimalValue().stripTrailingZeros();
            g.writeNumber(d.scale() <= 0 ? d.setScale(1).toPlainString() : d.toPlainString());
        } else {
            MAPPER.writeTree(g, n);
        }
    }

    /** Equality of JSON values as canonical text (so 1.50 equals 1.5). */
    public static boolean sameValue(JsonNode a, JsonNode b) {
        if (a == b) return true;
        if (a == null || b == null) return false;
        return a.equals(b) || canonicalString(a).equals(canonicalString(b));
    }

    static Map<String, Hlc> noClocks() {
        return Map.of();
    }
}
