package io.quire.merge;

/**
 * Runs a schema's JavaScript merge function on one merge input.
 *
 * <p>Implemented by {@code io.quire.merge.js.ScriptSandbox}; the merge engine only sees this
 * interface, so it stays free of the polyglot runtime and tests can stand in a plain Java
 * function. Implementations never throw for anything a script does: every failure is a
 * {@link ScriptResult.Failed}.
 */
@FunctionalInterface
public interface ScriptRunner {
    /**
     * Calls {@code merge(base, ours, theirs, context)} defined by {@code source}.
     *
     * @param scriptName the schema's name for the script, for caching and messages
     * @param source     the script's JavaScript source, defining {@code function merge(base, ours, theirs, context)}
     * @param input      the values and clocks to merge
     */
    ScriptResult run(String scriptName, String source, MergeInput input);

    /** A runner for engines without scripting: every call fails, so script policies fall back to lww. */
    static ScriptRunner none() {
        return (name, source, input) -> new ScriptResult.Failed(ScriptResult.Failure.UNAVAILABLE,
                "no script runner is configured");
    }
}
