package io.quire.merge.js;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.merge.Hlc;
import io.quire.merge.Json;
import io.quire.merge.MergeInput;
import io.quire.merge.ScriptResult;
import io.quire.merge.Side;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Measures what a script merge costs, and checks it stays far below the per-call limits. */
class ScriptCallTimingTest {
    @Test
    void warmScriptCallTakesWellUnderAMillisecond() {
        long t0 = System.nanoTime();
        try (ScriptSandbox sandbox = new ScriptSandbox()) {
            long created = System.nanoTime() - t0;
            String source = "function merge(b, o, t, c) { return Math.max(o.n, t.n) > 0 ? {n: o.n + t.n - (b ? b.n : 0)} : null; }";
            MergeInput in = new MergeInput(Optional.of(Json.json("{\"n\":1}")), Side.of(Json.json("{\"n\":2}"), new Hlc(1, 0, "a")),
                    Side.of(Json.json("{\"n\":5}"), new Hlc(2, 0, "b")), "f", null);
            long t1 = System.nanoTime();
            assertInstanceOf(ScriptResult.Merged.class, sandbox.run("sum", source, in));
            long first = System.nanoTime() - t1;
            for (int i = 0; i < 2_000; i++) sandbox.run("sum", source, in);
            int n = 5_000;
            long t2 = System.nanoTime();
            for (int i = 0; i < n; i++) sandbox.run("sum", source, in);
            double perCallMicros = (System.nanoTime() - t2) / 1e3 / n;
            System.out.printf("script sandbox: engine+warm-up %.0f ms, first call (context build) %.1f ms, warm call %.1f µs%n",
                    created / 1e6, first / 1e6, perCallMicros);
            assertTrue(perCallMicros < 5_000, "warm call took " + perCallMicros + " µs");
        }
    }
}
