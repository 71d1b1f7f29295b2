package io.quire.merge.builtin;


import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.quire.merge.PolicyLawsContract;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** The policy laws for {@code text}. */
class TextMergePolicyProperties implements PolicyLawsContract {
    @Override
    public String policyName() {
        return "text";
    }

    @Override
    public Arbitrary<JsonNode> values() {
        return Arbitraries.of("a\\n", "b\\n", "c\\n", "X\\n", "d").list().ofMaxSize(4).map(l -> (JsonNode) TextNode.valueOf(String.join("", l))).injectNull(0.1).map(io.quire.merge.JsonOrder::orNull);
    }
}
