package io.quire.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.merge.document.DocumentCodec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays every case under {@code src/test/resources/regressions/}: a policy merge that once
 * failed or surprised us, with its expected value, also checked swapped and repeated.
 */
class RegressionReplayTest {
    /** Every {@code *.json} file in the directory, so a new counterexample only needs its file. */
    static Stream<String> cases() throws Exception {
        Path dir = Path.of(RegressionReplayTest.class.getResource("/regressions").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
            assertFalse(names.isEmpty(), "no regression cases found");
            return names.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void replays(String name) throws IOException {
        JsonNode c;
        try (InputStream in = RegressionReplayTest.class.getResourceAsStream("/regressions/" + name)) {
            assertFalse(in == null, "missing regression file " + name);
            c = DocumentCodec.MAPPER.readTree(in);
        }
        MergePolicy policy = new MergePolicies().get(c.get("policy").asText()).orElseThrow();
        MergeInput input = new MergeInput(Optional.ofNullable(c.get("base")).filter(b -> !b.isNull()), side(c.get("ours")),
                side(c.get("theirs")), "f", null);
        MergeOutcome out = policy.merge(input);
        assertEquals(Json.text(c.get("expected")), Json.text(out.value()), name);
        assertEquals(c.get("conflicted").asBoolean(), out instanceof MergeOutcome.Conflicted, name);
        assertEquals(Json.text(out.value()), Json.text(policy.merge(input.swapped()).value()), name + " swapped");
        assertEquals(Json.text(out.value()), Json.text(policy.merge(input).value()), name + " repeated");
    }

    static Side side(JsonNode s) {
        return Side.of(s.get("value"), Hlc.parse(s.get("clock").asText()));
    }
}
