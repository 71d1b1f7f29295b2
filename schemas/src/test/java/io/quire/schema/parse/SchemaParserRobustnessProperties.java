package io.quire.schema.parse;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quire.schema.Schema;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * Mangled schema texts are refused with located problems, never with another exception: the parser
 * faces text from HTTP clients and from replicas.
 */
class SchemaParserRobustnessProperties {
    private static final String SYNTAX = "{}[]:,\"'#-&*!|>\n \t\\$~?%@`";
    private static final YAMLMapper YAML = new YAMLMapper();

    @Provide
    Arbitrary<Schema> schemas() {
        return SchemaGenerator.schemas();
    }

    @Property(tries = 1000)
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
    void mangledTextIsRefusedWithPositionsNeverACrash(@ForAll("schemas") Schema schema, @ForAll Random random,
                                                       @ForAll boolean asYaml) throws Exception {
        String json = SchemaWriter.toJson(schema);
        String text = asYaml ? YAML.writeValueAsString(new ObjectMapper().readTree(json)) : json;
        String mangled = mangle(text, random);

        ParsedOutcome outcome = ParsedOutcome.of(mangled);
        outcome.assertWellFormed(mangled);
        // Most edits must break the text, or the property checks little more than the round trip does.
        Statistics.collect(outcome.refusal() != null);
        Statistics.coverage(c -> c.check(true).percentage(p -> p >= 50));
    }

    /** What a parse gave, so that any exception other than {@link SchemaException} fails the property. */
    private record ParsedOutcome(Schema schema, SchemaException refusal) {
        static ParsedOutcome of(String text) {
            try {
                return new ParsedOutcome(SchemaParser.parse(text), null);
            } catch (SchemaException e) {
                return new ParsedOutcome(null, e);
            }
        }

        void assertWellFormed(String text) {
            if (schema != null) return;
            assertFalse(refusal.problems().isEmpty(), "a refusal names at least one problem");
            long lines = text.lines().count() + 1;
            for (SchemaProblem p : refusal.problems()) {
                assertTrue(p.line() >= 1 && p.line() <= lines, () -> "line of " + p + " in\n" + text);
                assertTrue(p.column() >= 1, () -> "column of " + p + " in\n" + text);
                assertNotNull(p.path());
                assertFalse(p.message().isBlank());
            }
        }
    }

    /** One to three random edits: deleting a span, inserting syntax characters, or duplicating a line. */
    private static String mangle(String text, Random r) {
        StringBuilder b = new StringBuilder(text);
        for (int edits = 1 + r.nextInt(3); edits > 0; edits--) {
            int at = r.nextInt(b.length() + 1);
            switch (r.nextInt(3)) {
                case 0 -> b.delete(at, Math.min(b.length(), at + 1 + r.nextInt(5)));
                case 1 -> b.insert(at, SYNTAX.charAt(r.nextInt(SYNTAX.length())));
                default -> {
                    int start = b.lastIndexOf("\n", Math.max(0, at - 1)) + 1;
                    int end = b.indexOf("\n", at);
                    b.insert(start, b.substring(start, end < 0 ? b.length() : end + 1));
                }
            }
        }
        return b.toString();
    }
}
