package io.quire.schema.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.schema.DocumentType;
import io.quire.schema.FieldDef;
import io.quire.schema.FieldType;
import io.quire.schema.OnConflict;
import io.quire.schema.PolicyRef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Documents checked against a type: every violation, with its JSON Pointer and a clear message. */
class DocumentValidatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OID = "0123456789abcdef0123456789abcdef01234567";

    private static final DocumentType CONTACT = type(false,
            field("name", FieldType.STRING, true),
            field("visits", FieldType.INTEGER, false),
            field("score", FieldType.NUMBER, false),
            field("vip", FieldType.BOOLEAN, false),
            field("address", FieldType.OBJECT, false),
            array("emails", FieldType.STRING),
            array("anything", FieldType.ANY),
            field("avatar", FieldType.BLOB, false),
            array("photos", FieldType.BLOB),
            field("extra", FieldType.ANY, false));

    @Test
    void validDocumentHasNoViolations() {
        assertEquals(List.of(), check(CONTACT, """
                {"name": "Ada", "visits": 3, "score": 2.5, "vip": false, "address": {"city": "X"},
                 "emails": ["a@x", "b@x"], "anything": [1, "two", null], "avatar": {"$blob": "%s", "size": 12},
                 "photos": [{"$base64": "aGVsbG8="}], "extra": [{"deep": true}], "undeclared": 1}
                """.formatted(OID)));
    }

    @Test
    void missingAndNullRequiredFieldsAreViolations() {
        assertEquals(List.of(new Violation("/name", "required field is missing")), check(CONTACT, "{}"));
        assertEquals(List.of(new Violation("/name", "required field is null")), check(CONTACT, "{\"name\": null}"));
    }

    @Test
    void nullOptionalFieldMeansAbsent() {
        assertEquals(List.of(), check(CONTACT, "{\"name\": \"Ada\", \"visits\": null, \"avatar\": null}"));
    }

    @Test
    void everyWrongTypeIsReportedNotJustTheFirst() {
        assertEquals(List.of(
                        new Violation("/name", "expected a string, found an integer"),
                        new Violation("/visits", "expected an integer, found a number with a fraction or exponent"),
                        new Violation("/score", "expected a number, found a string"),
                        new Violation("/vip", "expected a boolean, found a string"),
                        new Violation("/address", "expected an object, found an array"),
                        new Violation("/emails", "expected an array, found a string")),
                check(CONTACT, """
                        {"name": 1, "visits": 2.0, "score": "high", "vip": "yes", "address": [], "emails": "a@x"}
                        """));
    }

    @Test
    void integerMustFitInSixtyFourBits() {
        assertEquals(List.of(), check(CONTACT, "{\"name\": \"A\", \"visits\": 9223372036854775807}"));
        List<Violation> violations = check(CONTACT, "{\"name\": \"A\", \"visits\": 9223372036854775808}");
        assertEquals(List.of("/visits"), violations.stream().map(Violation::path).toList());
        assertEquals(true, violations.get(0).message().contains("fits in 64 bits"));
    }

    @Test
    void arrayItemsOfTheWrongTypeAreReportedByIndex() {
        assertEquals(List.of(
                        new Violation("/emails/1", "expected a string, found an integer"),
                        new Violation("/emails/2", "expected a string, found null")),
                check(CONTACT, "{\"name\": \"A\", \"emails\": [\"a@x\", 7, null]}"));
    }

    @Test
    void blobMustBeAReferenceOrInlineBase64() {
        assertEquals(List.of(
                        new Violation("/avatar/$blob", "expected a Git object id: 40 lower-case hex digits"),
                        new Violation("/avatar/size", "expected the blob size in bytes: an integer from 0 to 9223372036854775807"),
                        new Violation("/photos/0/$base64", "expected base64 text (RFC 4648 section 4 alphabet)"),
                        new Violation("/photos/1", "expected a blob: {\"$blob\": \"<40 hex digits>\", \"size\": <integer>}"
                                + " or {\"$base64\": \"<base64>\"}"),
                        new Violation("/photos/2", "expected a blob: {\"$blob\": \"<40 hex digits>\", \"size\": <integer>}"
                                + " or {\"$base64\": \"<base64>\"}")),
                check(CONTACT, """
                        {"name": "A", "avatar": {"$blob": "%s", "size": -1},
                         "photos": [{"$base64": "not base64!"}, "aGVsbG8=", {"$base64": "aGVsbG8=", "size": 5}]}
                        """.formatted(OID.toUpperCase())));
    }

    @Test
    void strictTypeRefusesUndeclaredFields() {
        DocumentType strict = type(true, field("name", FieldType.STRING, false));

        assertEquals(List.of(new Violation("/other", "field is not declared in the schema, and the type is strict")),
                check(strict, "{\"name\": \"A\", \"other\": 1}"));
    }

    @Test
    void fieldNamesMustNotStartWithDollarOrExceedTwoHundredCharacters() {
        String longName = "é".repeat(201);
        List<Violation> violations = check(CONTACT,
                "{\"name\": \"A\", \"$id\": 1, \"" + "é".repeat(200) + "\": 1, \"" + longName + "\": 1, \"\": 1}");

        assertEquals(List.of("/$id", "/" + longName, "/"), violations.stream().map(Violation::path).toList());
        assertEquals(true, violations.get(0).message().contains("must not start with '$'"));
        assertEquals(true, violations.get(1).message().contains("at most 200 characters"));
        assertEquals(true, violations.get(2).message().contains("must not be empty"));
    }

    @Test
    void pathsEscapeSlashAndTildeAsJsonPointer() {
        DocumentType t = type(true, field("a/b~c", FieldType.STRING, true));

        assertEquals(List.of(new Violation("/a~1b~0c", "required field is missing"),
                        new Violation("/x~1y", "field is not declared in the schema, and the type is strict")),
                check(t, "{\"x/y\": 1}"));
    }

    private static List<Violation> check(DocumentType type, String json) {
        try {
            return DocumentValidator.validate(type, (ObjectNode) JSON.readTree(json));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    private static DocumentType type(boolean strict, FieldDef... fields) {
        Map<String, FieldDef> map = new LinkedHashMap<>();
        for (FieldDef f : fields) map.put(f.name(), f);
        return new DocumentType("t", OnConflict.DELETE_WINS, map, Map.of(), strict);
    }

    private static FieldDef field(String name, FieldType type, boolean required) {
        return new FieldDef(name, type, FieldType.ANY, required, PolicyRef.lww(), Optional.empty());
    }

    private static FieldDef array(String name, FieldType items) {
        return new FieldDef(name, FieldType.ARRAY, items, false, PolicyRef.lww(), Optional.empty());
    }
}
