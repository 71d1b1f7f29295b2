package io.quire.merge.js;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.merge.Hlc;
import io.quire.merge.Json;
import io.quire.merge.MergeInput;
import io.quire.merge.MergeOutcome;
import io.quire.merge.MergePolicies;
import io.quire.merge.Side;
import io.quire.merge.document.DocumentMerger;
import io.quire.merge.document.MergeSides;
import io.quire.merge.document.StoredDocument;
import io.quire.merge.document.DocumentCodec;
import io.quire.schema.DocumentType;
import io.quire.schema.FieldDef;
import io.quire.schema.FieldType;
import io.quire.schema.OnConflict;
import io.quire.schema.PolicyRef;
import io.quire.schema.Schema;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Script policies through the real sandbox: a script that favours its first argument (the most
 * asymmetric kind) still merges documents symmetrically, because the engine orders the sides.
 */
class ScriptPolicyProperties {
    static final String FIRST = "function merge(base, ours, theirs, ctx) { return {kept: ours, by: ctx.oursClock}; }";
    static final String THROWS = "function merge() { throw new Error('no'); }";
    static ScriptSandbox sandbox;
    static DocumentMerger merger;

    @BeforeContainer
    static void start() {
        sandbox = new ScriptSandbox();
        merger = new DocumentMerger(new MergePolicies(), sandbox);
    }

    @AfterContainer
    static void stop() {
        sandbox.close();
    }

    static DocumentType type(String script) {
        FieldDef f = new FieldDef("f", FieldType.ANY, FieldType.ANY, false, new PolicyRef.Script(script), Optional.empty());
        return new DocumentType("t", OnConflict.EDIT_WINS, Map.of("f", f), Map.of(), false);
    }

    static final Schema SCHEMA = new Schema("s", 1, Map.of("t", type("first"), "u", type("throws")),
            Map.of("first", FIRST, "throws", THROWS));

    @Provide
    Arbitrary<MergeInput> inputs() {
        Arbitrary<JsonNode> value = Arbitraries.of(Json.json("1"), Json.json("2"), Json.json("\"a\""), Json.json("null"));
        Arbitrary<Hlc> clock = Arbitraries.of(Hlc.ZERO, new Hlc(1, 0, "a"), new Hlc(1, 0, "b"));
        Arbitrary<Side> side = Combinators.combine(value, clock).as(Side::of);
        return Combinators.combine(value.optional(), side, side).as((b, o, t) -> new MergeInput(b.filter(v -> !v.isNull()), o, t, "f", null));
    }

    static Optional<StoredDocument> doc(JsonNode value, Hlc clock) {
        var data = DocumentCodec.MAPPER.createObjectNode();
        if (!value.isNull()) data.set("f", value);
        TreeMap<String, Hlc> clocks = new TreeMap<>();
        if (!clock.equals(Hlc.ZERO)) clocks.put("f", clock);
        return Optional.of(new StoredDocument(data, clocks));
    }

    static byte[] merge(String type, MergeInput in, boolean swap) {
        var b = doc(in.base().orElse(Json.json("null")), Hlc.ZERO);
        var o = doc(in.ours().value(), in.ours().clock());
        var t = doc(in.theirs().value(), in.theirs().clock());
        var r = swap ? merger.merge(SCHEMA, SCHEMA.types().get(type), b, t, o, MergeSides.unknown())
                : merger.merge(SCHEMA, SCHEMA.types().get(type), b, o, t, MergeSides.unknown());
        return r.merged().map(DocumentCodec::encode).orElse(new byte[0]);
    }

    @Property(tries = 1000)
    void asymmetricScriptStillMergesSymmetrically(@ForAll("inputs") MergeInput in) {
        assertArrayEquals(merge("t", in, false), merge("t", in, true));
    }

    @Property(tries = 1000)
    void throwingScriptFallsBackSymmetricallyAndKeepsBothSides(@ForAll("inputs") MergeInput in) {
        assertArrayEquals(merge("u", in, false), merge("u", in, true));
        MergeOutcome out = new ScriptPolicy(sandbox, "throws", THROWS).merge(in);
        if (out instanceof MergeOutcome.Conflicted c) {
            assertTrue(c.reason().startsWith("merge script 'throws' failed (THREW: Error: no)"), c.reason());
            assertEquals(2, c.losers().size());
        }
    }
}
