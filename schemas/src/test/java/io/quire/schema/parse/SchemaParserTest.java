package io.quire.schema.parse;

import static io.quire.schema.parse.TestTexts.example;
import static io.quire.schema.parse.TestTexts.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.schema.DocumentType;
import io.quire.schema.FieldDef;
import io.quire.schema.FieldGroup;
import io.quire.schema.FieldType;
import io.quire.schema.OnConflict;
import io.quire.schema.PolicyRef;
import io.quire.schema.Schema;
import io.quire.schema.SequenceDef;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the parser makes of good schema texts: the model, its defaults, and format detection. */
class SchemaParserTest {

    @Test
    void exampleYamlGivesTheDeclaredModel() throws SchemaException {
        Schema schema = SchemaParser.parse(example("contacts.yaml"));

        assertEquals("contacts", schema.name());
        assertEquals(1, schema.version());
        assertEquals(Set.of("rank-policy"), schema.scripts().keySet());
        assertEquals(List.of("mailbox", "contact"), List.copyOf(schema.types().keySet()));
        DocumentType contact = schema.type("contact").orElseThrow();
        assertEquals(OnConflict.DELETE_WINS, contact.onConflict());
        assertEquals(new FieldDef("name", FieldType.STRING, FieldType.ANY, true, PolicyRef.lww(), Optional.empty()),
                contact.fields().get("name"));
        assertEquals(new FieldDef("emails", FieldType.ARRAY, FieldType.STRING, false, new PolicyRef.Named("set"),
                Optional.empty()), contact.fields().get("emails"));
        assertEquals(new PolicyRef.Named("counter"), contact.fields().get("visits").merge());
        assertEquals(new PolicyRef.Script("rank-policy"), contact.fields().get("rank").merge());
        assertEquals(new FieldGroup("location", List.of("mailbox", "uid"), PolicyRef.lww()),
                contact.groups().get("location"));
        assertEquals(Optional.of(new SequenceDef(List.of("mailbox"),
                        Optional.of(new SequenceDef.CounterRef("mailbox", "mailbox", "uidNext")), List.of("internalDate"))),
                contact.fields().get("uid").sequence());
    }

    @Test
    void exampleJsonGivesTheSameModelAsYaml() throws SchemaException {
        assertEquals(SchemaParser.parse(example("contacts.yaml")), SchemaParser.parse(example("contacts.json")));
    }

    @Test
    void omittedSettingsTakeTheirDefaults() throws SchemaException {
        Schema schema = SchemaParser.parse(lines(
                "name: c",
                "version: 7",
                "types:",
                "  t:",
                "    fields:",
                "      a: { type: array }",
                "  empty: {}"));

        DocumentType t = schema.type("t").orElseThrow();
        assertEquals(OnConflict.DELETE_WINS, t.onConflict());
        assertEquals(false, t.strict());
        assertEquals(new FieldDef("a", FieldType.ARRAY, FieldType.ANY, false, PolicyRef.lww(), Optional.empty()),
                t.fields().get("a"));
        assertEquals(new DocumentType("empty", OnConflict.DELETE_WINS, java.util.Map.of(), java.util.Map.of(), false),
                schema.type("empty").orElseThrow());
        assertEquals(java.util.Map.of(), schema.scripts());
    }

    @Test
    void groupedFieldTakesItsGroupsPolicy() throws SchemaException {
        Schema schema = SchemaParser.parse(lines(
                "name: c",
                "version: 1",
                "scripts: { keep: 'function merge(b, o, t) { return o; }' }",
                "types:",
                "  t:",
                "    groups: { g: { fields: [a, b], merge: { script: keep } } }",
                "    fields:",
                "      a: { type: string }",
                "      b: { type: integer, merge: { script: keep } }"));

        DocumentType t = schema.type("t").orElseThrow();
        assertEquals(new PolicyRef.Script("keep"), t.fields().get("a").merge());
        assertEquals(new PolicyRef.Script("keep"), t.fields().get("b").merge());
    }

    @Test
    void registeredPolicyNamesAreAcceptedOnlyWhenPassed() throws SchemaException {
        String text = lines("name: c", "version: 1", "types: { t: { fields: { a: { type: object, merge: deep } } } }");

        assertEquals(new PolicyRef.Named("deep"),
                SchemaParser.parse(text, Set.of("deep")).type("t").orElseThrow().fields().get("a").merge());
        assertThrows(SchemaException.class, () -> SchemaParser.parse(text));
    }

    @Test
    void builtInPoliciesStayKnownWhenOnlyExtraNamesArePassed() throws SchemaException {
        String text = lines("name: c", "version: 1", "types: { t: { fields: { a: { type: integer, merge: counter } } } }");

        assertEquals(new PolicyRef.Named("counter"),
                SchemaParser.parse(text, Set.of("deep")).type("t").orElseThrow().fields().get("a").merge());
    }

    @Test
    void leadingBlanksAndByteOrderMarkStillDetectJson() throws SchemaException {
        Schema schema = SchemaParser.parse("\uFEFF \n\t{\"name\": \"c\", \"version\": 1, \"types\": {\"t\": {}}}");

        assertEquals("c", schema.name());
    }

    @Test
    void yamlFlowMappingAfterACommentIsReadAsYaml() throws SchemaException {
        Schema schema = SchemaParser.parse("# a comment first\n{name: c, version: 1, types: {t: {}}}\n");

        assertEquals("c", schema.name());
    }

    @Test
    void yamlBooleanSpellingsAreBooleans() throws SchemaException {
        Schema schema = SchemaParser.parse(lines("name: c", "version: 1", "types: { t: { strict: True } }"));

        assertTrue(schema.type("t").orElseThrow().strict());
    }
}
