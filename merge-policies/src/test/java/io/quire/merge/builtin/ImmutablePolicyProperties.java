package io.quire.merge.builtin;

import static io.quire.merge.Json.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.merge.PolicyLawsContract;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** The policy laws for {@code immutable}. */
class ImmutablePolicyProperties implements PolicyLawsContract {
    @Override
    public String policyName() {
        return "immutable";
    }

    @Override
    public Arbitrary<JsonNode> values() {
        return Arbitraries.of(json(null), json("0"), json("1"), json("2"), json("\"a\""), json("\"b\""), json("[\"a\"]"), json("{\"k\":1}"), json("1.0"));
    }
}
