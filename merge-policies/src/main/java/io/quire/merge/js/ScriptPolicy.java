package io.quire.merge.js;

import io.quire.merge.MergeInput;
import io.quire.merge.MergeOutcome;
import io.quire.merge.MergePolicy;
import io.quire.merge.ScriptResult;
import io.quire.merge.ScriptRunner;
import io.quire.merge.builtin.LastWriterWinsPolicy;
import java.util.List;
import java.util.Objects;

/**
 * A merge policy written in JavaScript by a schema: {@code function merge(base, ours, theirs, context)}.
 *
 * <p>Merge semantics: whatever the script returns, as a clean outcome; the trivial cases never
 * reach the script (the engine resolves them first). When the script fails in any way (throws,
 * exceeds a limit, returns something that is not JSON), the field falls back to
 * {@link LastWriterWinsPolicy} and the outcome is {@code Conflicted} with both sides kept and a
 * reason naming the script and the failure, so nothing is lost and the failure is visible.
 * Symmetry does not depend on the script: the engine always presents the sides in a canonical order.
 *
 * <p>This class only adapts a {@link ScriptRunner} (normally {@link ScriptSandbox}) to the policy
 * interface; it never touches the polyglot runtime itself.
 */
public final class ScriptPolicy implements MergePolicy {
    private final ScriptRunner runner;
    private final String name;
    private final String source;

    /**
     * @param runner runs the script
     * @param name   the script's name in the schema
     * @param source its source, or null when the schema does not contain it (every call then falls back)
     */
    public ScriptPolicy(ScriptRunner runner, String name, String source) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.name = Objects.requireNonNull(name, "name");
        this.source = source;
    }

    @Override
    public MergeOutcome merge(MergeInput in) {
        ScriptResult result = source == null
                ? new ScriptResult.Failed(ScriptResult.Failure.NOT_FOUND, "the schema has no script named '" + name + "'")
                : runner.run(name, source, in);
        return switch (result) {
            case ScriptResult.Merged(var value) -> new MergeOutcome.Clean(value);
            case ScriptResult.Failed(var failure, var detail) -> fallback(in, failure, detail);
        };
    }

    private MergeOutcome fallback(MergeInput in, ScriptResult.Failure failure, String detail) {
        MergeOutcome lww = LastWriterWinsPolicy.INSTANCE.merge(in);
        return new MergeOutcome.Conflicted(lww.value(), List.of(in.ours().value(), in.theirs().value()),
                "merge script '" + name + "' failed (" + failure + ": " + detail + "); last writer wins");
    }
}
