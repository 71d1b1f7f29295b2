package io.quire.merge.builtin;


import com.fasterxml.jackson.databind.JsonNode;
import io.quire.merge.PolicyLawsContract;
import io.quire.merge.document.DocumentCodec;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** The policy laws for {@code set}. */
class SetPolicyProperties implements PolicyLawsContract {
    @Override
    public String policyName() {
        return "set";
    }

    @Override
    public Arbitrary<JsonNode> values() {
        return Arbitraries.of("a", "b", "c").list().ofMaxSize(3).map(l -> { var a = DocumentCodec.MAPPER.createArrayNode(); l.forEach(a::add); return (JsonNode) a; }).injectNull(0.15).map(io.quire.merge.JsonOrder::orNull);
    }
}
