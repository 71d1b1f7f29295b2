package io.quire.merge.builtin;

import static io.quire.merge.Json.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.merge.PolicyLawsContract;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** The policy laws for {@code counter}. */
class CounterPolicyProperties implements PolicyLawsContract {
    @Override
    public String policyName() {
        return "counter";
    }

    @Override
    public Arbitrary<JsonNode> values() {
        return Arbitraries.of(json(null), json("0"), json("1"), json("2"), json("3"), json("1.5"), json("\"a\""));
    }
}
