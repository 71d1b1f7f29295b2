package io.quire.schema.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quire.schema.Schema;
import io.quire.schema.SequenceDef;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/** The canonical JSON written for a schema reads back to an equal schema, and is itself canonical. */
class SchemaRoundTripProperties {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();

    @Provide
    Arbitrary<Schema> schemas() {
        return SchemaGenerator.schemas();
    }

    @Property(tries = 1000)
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
    void writtenSchemaReadsBackEqual(@ForAll("schemas") Schema schema) throws SchemaException {
        String json = SchemaWriter.toJson(schema);

        Schema read = SchemaParser.parse(json);

        assertEquals(schema, read);
        assertEquals(json, SchemaWriter.toJson(read), "canonical text is a fixed point");
        // Guard the generator: a round trip that never meets a group, a script or a counter proves little.
        collectAndCover("has groups", schema.types().values().stream().anyMatch(t -> !t.groups().isEmpty()));
        collectAndCover("has scripts", !schema.scripts().isEmpty());
        collectAndCover("has sequence counter", schema.types().values().stream()
                .flatMap(t -> t.fields().values().stream())
                .anyMatch(f -> f.sequence().flatMap(SequenceDef::counter).isPresent()));
    }

    private static void collectAndCover(String label, boolean value) {
        Statistics.label(label).collect(value);
        Statistics.label(label).coverage(c -> c.check(true).percentage(p -> p >= 5));
    }

    @Property(tries = 300)
    void sameSchemaWrittenAsYamlReadsBackEqual(@ForAll("schemas") Schema schema) throws Exception {
        String yaml = YAML.writeValueAsString(JSON.readTree(SchemaWriter.toJson(schema)));

        assertEquals(schema, SchemaParser.parse(yaml));
    }

    @Property(tries = 300)
    void writtenKeysAreSortedAtEveryLevel(@ForAll("schemas") Schema schema) throws Exception {
        JsonNode tree = JSON.readTree(SchemaWriter.toJson(schema));

        assertSorted(tree, "");
    }

    private static void assertSorted(JsonNode node, String path) {
        if (node.isObject()) {
            List<String> keys = new ArrayList<>();
            node.fieldNames().forEachRemaining(keys::add);
            List<String> sorted = keys.stream().sorted().toList();
            assertEquals(sorted, keys, () -> "keys at " + path);
            node.properties().forEach(e -> assertSorted(e.getValue(), path + "/" + e.getKey()));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) assertSorted(node.get(i), path + "/" + i);
        } else {
            assertTrue(node.isValueNode());
        }
    }
}
