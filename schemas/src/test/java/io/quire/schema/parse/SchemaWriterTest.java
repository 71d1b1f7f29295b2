package io.quire.schema.parse;

import static io.quire.schema.parse.TestTexts.example;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quire.schema.DocumentType;
import io.quire.schema.FieldDef;
import io.quire.schema.FieldType;
import io.quire.schema.OnConflict;
import io.quire.schema.PolicyRef;
import io.quire.schema.Schema;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The canonical JSON form, pinned on the example so that a format change is a visible decision. */
class SchemaWriterTest {

    @Test
    void exampleIsWrittenAsTheCommittedCanonicalText() throws SchemaException {
        assertEquals(example("contacts.canonical.json"), SchemaWriter.toJson(SchemaParser.parse(example("contacts.yaml"))));
    }

    @Test
    void declarationOrderDoesNotChangeTheText() throws SchemaException {
        Schema yaml = SchemaParser.parse(example("contacts.yaml"));
        Schema json = SchemaParser.parse(example("contacts.json"));

        assertEquals(SchemaWriter.toJson(yaml), SchemaWriter.toJson(json));
    }

    @Test
    void itemsOfANonArrayFieldAreNotWritten() {
        FieldDef odd = new FieldDef("a", FieldType.STRING, FieldType.INTEGER, false, PolicyRef.lww(), Optional.empty());
        Schema schema = new Schema("c", 1,
                Map.of("t", new DocumentType("t", OnConflict.EDIT_WINS, Map.of("a", odd), Map.of(), true)), Map.of());

        assertEquals("""
                {
                  "name": "c",
                  "types": {
                    "t": {
                      "fields": {
                        "a": {
                          "merge": "lww",
                          "required": false,
                          "type": "string"
                        }
                      },
                      "onConflict": "edit-wins",
                      "strict": true
                    }
                  },
                  "version": 1
                }
                """, SchemaWriter.toJson(schema));
    }
}
