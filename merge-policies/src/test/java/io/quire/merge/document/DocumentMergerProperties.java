package io.quire.merge.document;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.merge.Hlc;
import io.quire.merge.Json;
import io.quire.merge.JsonOrder;
import io.quire.schema.DocumentType;
import io.quire.schema.FieldDef;
import io.quire.schema.FieldGroup;
import io.quire.schema.FieldType;
import io.quire.schema.OnConflict;
import io.quire.schema.PolicyRef;
import io.quire.schema.Schema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The merge laws for whole documents over generated schemas: every built-in policy and both
 * stand-in scripts, a field group, undeclared fields, absent documents (delete-vs-edit), and values
 * and clocks from tiny spaces so that the sides collide.
 */
class DocumentMergerProperties {
    static final List<String> FIELDS = List.of("a", "b", "m", "u", "x");
    static final List<PolicyRef> POLICIES = List.of(new PolicyRef.Named("lww"), new PolicyRef.Named("max"),
            new PolicyRef.Named("min"), new PolicyRef.Named("counter"), new PolicyRef.Named("set"),
            new PolicyRef.Named("immutable"), new PolicyRef.Named("text"), new PolicyRef.Named("unregistered"),
            new PolicyRef.Script("first"), new PolicyRef.Script("broken"), new PolicyRef.Script("missing"));

    @Provide
    Arbitrary<DocumentCase> cases() {
        Arbitrary<PolicyRef> policy = Arbitraries.of(POLICIES);
        Arbitrary<PolicyRef> groupPolicy = Arbitraries.of(new PolicyRef.Named("lww"), new PolicyRef.Named("immutable"),
                new PolicyRef.Named("set"), new PolicyRef.Script("first"), new PolicyRef.Script("broken"));
        Arbitrary<DocumentType> types = Combinators.combine(policy, policy, groupPolicy, Arbitraries.of(OnConflict.class),
                Arbitraries.of(true, false)).as(DocumentMergerProperties::type);
        return types.flatMap(type -> Combinators.combine(doc(), doc(), doc())
                .as((b, o, t) -> new DocumentCase(schema(type), type, b, o, t)));
    }

    /** Fields a and b declared with generated policies; m and u in group g; x undeclared. */
    static DocumentType type(PolicyRef a, PolicyRef b, PolicyRef g, OnConflict onConflict, boolean grouped) {
        Map<String, FieldDef> fields = new LinkedHashMap<>();
        fields.put("a", field("a", a));
        fields.put("b", field("b", b));
        fields.put("m", field("m", PolicyRef.lww()));
        fields.put("u", field("u", new PolicyRef.Named("max")));
        Map<String, FieldGroup> groups = grouped ? Map.of("g", new FieldGroup("g", List.of("m", "u"), g)) : Map.of();
        return new DocumentType("t", onConflict, fields, groups, false);
    }

    static FieldDef field(String name, PolicyRef policy) {
        return new FieldDef(name, FieldType.ANY, FieldType.ANY, false, policy, Optional.empty());
    }

    static Schema schema(DocumentType type) {
        return new Schema("test", 1, Map.of("t", type), Map.of("first", "/* stand-in */", "broken", "/* stand-in */"));
    }

    static Arbitrary<Optional<StoredDocument>> doc() {
        Arbitrary<JsonNode> value = Arbitraries.of(NullNode.getInstance(), Json.json("1"), Json.json("2"),
                Json.json("\"p\""), Json.json("\"q\\nr\""), Json.json("[\"s\"]"), Json.json("[\"s\",\"t\"]"));
        Arbitrary<Hlc> clock = Arbitraries.of(Hlc.ZERO, new Hlc(1, 0, "a"), new Hlc(1, 0, "b"), new Hlc(2, 0, "a"));
        Arbitrary<Map<String, JsonNode>> data = Arbitraries.maps(Arbitraries.of(FIELDS), value).ofMaxSize(5);
        Arbitrary<Map<String, Hlc>> clocks = Arbitraries.maps(Arbitraries.of("a", "b", "g", "x", "m"), clock).ofMaxSize(3);
        return Combinators.combine(data, clocks).as(DocumentMergerProperties::stored).optional(0.85);
    }

    static StoredDocument stored(Map<String, JsonNode> values, Map<String, Hlc> clocks) {
        ObjectNode data = DocumentCodec.MAPPER.createObjectNode();
        new TreeMap<>(values).forEach((k, v) -> {
            if (!JsonOrder.isAbsent(v)) data.set(k, v);
        });
        TreeMap<String, Hlc> c = new TreeMap<>(clocks);
        c.values().removeIf(Hlc.ZERO::equals);
        return new StoredDocument(data, c);
    }

    @Property(tries = 1000)
    void mergeIsDeterministic(@ForAll("cases") DocumentCase c) {
        DocumentMergeResult first = c.merge();
        DocumentMergeResult second = c.merge();
        assertArrayEquals(DocumentCase.bytes(first.merged()), DocumentCase.bytes(second.merged()), c::toString);
        assertEquals(first.conflicts(), second.conflicts(), c::toString);
    }

    @Property(tries = 1000)
    void mergeIsSymmetric(@ForAll("cases") DocumentCase c) {
        assertArrayEquals(DocumentCase.bytes(c.merge().merged()), DocumentCase.bytes(c.swapped().merge().merged()), c::toString);
    }

    @Property(tries = 1000)
    void sameDocumentOnBothSidesIsKept(@ForAll("cases") DocumentCase c) {
        DocumentCase same = c.with(c.base(), c.ours(), c.ours());
        DocumentMergeResult r = same.merge();
        assertArrayEquals(DocumentCase.bytes(c.ours()), DocumentCase.bytes(r.merged()), c::toString);
        assertTrue(r.conflicts().isEmpty());
    }

    @Property(tries = 1000)
    void oneSidedChangeIsTaken(@ForAll("cases") DocumentCase c) {
        DocumentMergeResult r = c.with(c.base(), c.base(), c.theirs()).merge();
        assertArrayEquals(DocumentCase.bytes(c.theirs()), DocumentCase.bytes(r.merged()), c::toString);
        assertTrue(r.conflicts().isEmpty());
    }

    @Property(tries = 1000)
    void conflictRecordsHoldBothSidesAndTheWinnerApplied(@ForAll("cases") DocumentCase c) {
        DocumentMergeResult r = c.merge();
        for (FieldConflict fc : r.conflicts()) {
            if (fc.field().equals("*")) {
                assertTrue(c.ours().isEmpty() || c.theirs().isEmpty(), c::toString);
                assertEquals(r.merged().isEmpty(), fc.winner().isNull(), c::toString);
                continue;
            }
            MergeUnit unit = MergeUnit.of(c.type(), List.of()).stream().filter(u -> u.name().equals(fc.field())).findFirst()
                    .orElseGet(() -> new MergeUnit(fc.field(), List.of(), false, PolicyRef.lww(), c.type().fields().get(fc.field())));
            assertEquals(Json.text(unit.valueIn(c.ours())), Json.text(fc.ours()), c::toString);
            assertEquals(Json.text(unit.valueIn(c.theirs())), Json.text(fc.theirs()), c::toString);
            assertEquals(Json.text(fc.winner()), Json.text(unit.valueIn(r.merged())), c::toString);
        }
    }

    @Property(tries = 1000)
    void groupMembersComeFromOneSide(@ForAll("cases") DocumentCase c) {
        if (!c.type().groups().containsKey("g") || c.ours().isEmpty() || c.theirs().isEmpty()) return;
        Optional<StoredDocument> merged = c.merge().merged();
        if (merged.isEmpty()) return;
        MergeUnit g = MergeUnit.of(c.type(), List.of()).getFirst();
        String value = Json.text(g.valueIn(merged));
        boolean fromASide = value.equals(Json.text(g.valueIn(c.ours()))) || value.equals(Json.text(g.valueIn(c.theirs())))
                || value.equals(Json.text(g.valueIn(c.base())));
        assertTrue(fromASide, () -> "group became " + value + " in\n" + c);
    }
}
