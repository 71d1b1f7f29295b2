package io.quire.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.schema.parse.SchemaException;
import io.quire.schema.parse.SchemaParser;
import io.quire.schema.parse.SchemaWriter;
import io.quire.schema.validate.DocumentValidator;
import io.quire.schema.validate.Violation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The README's snippets are the tested ones: the example schema file and the usage method below. */
class ReadmeTest {
    private static final Path README = Path.of("README.md");

    @Test
    void readmeShowsTheTestedExampleSchema() throws IOException {
        String example = new String(ReadmeTest.class.getResourceAsStream("/examples/contacts.yaml").readAllBytes(),
                StandardCharsets.UTF_8);

        assertTrue(Files.readString(README).contains("```yaml\n" + example + "```"),
                "README.md must quote src/test/resources/examples/contacts.yaml verbatim");
    }

    @Test
    void readmeShowsTheTestedUsage() throws IOException {
        List<String> source = Files.readAllLines(Path.of("src/test/java/io/quire/schema/ReadmeTest.java"));
        int start = source.indexOf("        // readme:usage:start") + 1;
        int end = source.indexOf("        // readme:usage:end");
        String usage = source.subList(start, end).stream().map(l -> l.length() >= 8 ? l.substring(8) : l.strip())
                .collect(Collectors.joining("\n", "", "\n"));

        assertTrue(Files.readString(README).contains("```java\n" + usage + "```"),
                "README.md must quote the usage lines of ReadmeTest.usage verbatim");
    }

    @Test
    void usage() throws SchemaException, IOException {
        String yamlText = "name: notes\nversion: 1\ntypes:\n  note:\n    strict: true\n    fields:\n"
                + "      title: { type: string, required: true }\n      tags: { type: array, items: string, merge: set }\n";
        ObjectNode data = (ObjectNode) new ObjectMapper().readTree("{\"tags\": [\"a\", 2]}");
        // readme:usage:start
        Schema schema = SchemaParser.parse(yamlText);               // throws SchemaException with every problem
        String stored = SchemaWriter.toJson(schema);                  // canonical JSON; parses back equal
        DocumentType note = schema.type("note").orElseThrow();
        List<Violation> violations = DocumentValidator.validate(note, data);
        // [Violation[path=/title, message=required field is missing],
        //  Violation[path=/tags/1, message=expected a string, found an integer]]
        // readme:usage:end
        assertEquals(schema, SchemaParser.parse(stored));
        assertEquals(Arrays.asList(new Violation("/title", "required field is missing"),
                new Violation("/tags/1", "expected a string, found an integer")), violations);
    }
}
