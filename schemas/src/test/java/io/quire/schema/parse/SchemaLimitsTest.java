package io.quire.schema.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The size limits: text 1 MiB, 200 types, 500 fields per type, 256 KiB per script; each inclusive. */
class SchemaLimitsTest {
    private static final String SMALL = "{\"name\": \"c\", \"version\": 1, \"types\": {\"t\": {}}}";

    @Test
    void textOfExactlyOneMebibyteIsRead() throws SchemaException {
        String text = SMALL + " ".repeat(SchemaParser.MAX_TEXT_BYTES - SMALL.length());

        assertEquals("c", SchemaParser.parse(text).name());
    }

    @Test
    void textOverOneMebibyteIsRefusedBeforeParsing() {
        String text = SMALL + " ".repeat(SchemaParser.MAX_TEXT_BYTES - SMALL.length() + 1);

        SchemaException e = assertThrows(SchemaException.class, () -> SchemaParser.parse(text));

        assertEquals(List.of("1:1 "), TestTexts.where(e));
        assertTrue(e.problems().get(0).message().contains("the limit is 1048576 bytes"));
    }

    @Test
    void textLimitCountsUtf8BytesNotCharacters() {
        // 'é' is two bytes in UTF-8: half a mebibyte of them is already over the limit.
        String text = SMALL + " #" + "é".repeat(SchemaParser.MAX_TEXT_BYTES / 2);

        assertThrows(SchemaException.class, () -> SchemaParser.parse("name: c\n#" + text));
    }

    @Test
    void twoHundredTypesAreReadAndOneMoreIsRefused() throws SchemaException {
        assertEquals(200, SchemaParser.parse(withTypes(200)).types().size());

        SchemaException e = assertThrows(SchemaException.class, () -> SchemaParser.parse(withTypes(201)));

        assertEquals(List.of("1:38 types"), TestTexts.where(e));
        assertTrue(e.problems().get(0).message().contains("201 types declared; the limit is 200"));
    }

    @Test
    void fiveHundredFieldsAreReadAndOneMoreIsRefused() throws SchemaException {
        assertEquals(500, SchemaParser.parse(withFields(500)).type("t").orElseThrow().fields().size());

        SchemaException e = assertThrows(SchemaException.class, () -> SchemaParser.parse(withFields(501)));

        assertEquals(List.of("1:55 types.t.fields"), TestTexts.where(e));
        assertTrue(e.problems().get(0).message().contains("501 fields declared; the limit is 500"));
    }

    @Test
    void scriptOfExactly256KibIsReadAndOneByteMoreIsRefused() throws SchemaException {
        assertEquals(1, SchemaParser.parse(withScript("x".repeat(SchemaParser.MAX_SCRIPT_BYTES))).scripts().size());

        SchemaException e = assertThrows(SchemaException.class,
                () -> SchemaParser.parse(withScript("é".repeat(SchemaParser.MAX_SCRIPT_BYTES / 2) + "x")));

        assertEquals(List.of("1:46 scripts.s"), TestTexts.where(e));
        assertTrue(e.problems().get(0).message().contains("262145 bytes; the limit is 262144"));
    }

    private static String withTypes(int n) {
        return "{\"name\": \"c\", \"version\": 1, \"types\": {"
                + IntStream.range(0, n).mapToObj(i -> "\"t" + i + "\": {}").collect(Collectors.joining(", ")) + "}}";
    }

    private static String withFields(int n) {
        return "{\"name\": \"c\", \"version\": 1, \"types\": {\"t\": {\"fields\": {"
                + IntStream.range(0, n).mapToObj(i -> "\"f" + i + "\": {\"type\": \"any\"}").collect(Collectors.joining(", "))
                + "}}}}";
    }

    private static String withScript(String source) {
        return "{\"name\": \"c\", \"version\": 1, \"scripts\": {\"s\": \"" + source + "\"}, \"types\": {\"t\": {}}}";
    }
}
