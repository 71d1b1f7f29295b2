package io.quire.server.store;

import io.quire.merge.MergePolicies;
import io.quire.merge.ScriptRunner;
import io.quire.merge.document.DocumentMerger;
import io.quire.merge.document.MergeSides;
import io.quire.server.store.merge.SequenceKeys;
import io.quire.server.store.merge.TreeMerger;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;

/**
 * Wires the pure merge engine (merge-policies) to the tree merger: one policy registry and one
 * script sandbox for the whole node, so Java policies registered through the SDK apply everywhere.
 */
public final class MergeEngine {
    private static final MergePolicies POLICIES = new MergePolicies();
    private static volatile ScriptRunner scripts = new LazySandbox();

    /**
     * The GraalJS sandbox, started on the first scripted merge: starting it costs about two
     * seconds, which a node whose schemas use no scripts should never pay.
     */
    private static final class LazySandbox implements ScriptRunner {
        private volatile ScriptRunner sandbox;

        @Override
        public io.quire.merge.ScriptResult run(String scriptName, String source, io.quire.merge.MergeInput input) {
            ScriptRunner s = sandbox;
            if (s == null) {
                synchronized (this) {
                    if (sandbox == null) {
                        try {
                            sandbox = new io.quire.merge.js.ScriptSandbox();
                        } catch (RuntimeException | LinkageError e) {
                            org.slf4j.LoggerFactory.getLogger(MergeEngine.class).error("event=sandbox_unavailable error={}", e.toString());
                            sandbox = ScriptRunner.none();
                        }
                    }
                    s = sandbox;
                }
            }
            return s.run(scriptName, source, input);
        }
    }

    private MergeEngine() {
    }

    public static MergePolicies policies() {
        return POLICIES;
    }

    /**
     * Parses a schema knowing every registered policy name (built-ins and those registered through
     * the SDK): the one way the server reads schemas.
     */
    public static io.quire.schema.Schema parseSchema(String text) throws io.quire.schema.parse.SchemaException {
        return io.quire.schema.parse.SchemaParser.parse(text, POLICIES.names());
    }

    public static void useScripts(ScriptRunner runner) {
        scripts = runner;
    }

    static TreeMerger treeMerger(Repository repo, ObjectReader reader, ObjectInserter ins) {
        DocumentMerger docs = new DocumentMerger(POLICIES, scripts);
        return new TreeMerger(repo, reader, ins,
                (schema, type, base, left, right, lc, rc) -> docs.merge(schema, type, base, left, right, new MergeSides(lc, rc)),
                new SequenceKeys());
    }
}
