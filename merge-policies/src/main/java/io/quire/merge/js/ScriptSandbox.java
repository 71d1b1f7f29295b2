package io.quire.merge.js;

import io.quire.merge.MergeInput;
import io.quire.merge.ScriptResult;
import io.quire.merge.ScriptResult.Failure;
import io.quire.merge.ScriptRunner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;

/**
 * Runs schema merge scripts in GraalJS under the {@code CONSTRAINED} sandbox policy: no host
 * access, no I/O, no clock, no randomness, and limits on statements, CPU time, wall-clock time,
 * allocation and input/output size. The only class that touches the polyglot runtime.
 *
 * <p>One {@link Engine} is shared (creating one costs ~0.3 s; a context on it a few ms). Each
 * script, keyed by name and source hash, gets its own context, kept for later calls and used by
 * one thread at a time (a JavaScript context is single-threaded). A context that was cancelled
 * (a limit hit, or the {@link Watchdog} closed it) is thrown away and rebuilt on the next call.
 * Every failure is a {@link ScriptResult.Failed}; nothing a script does throws out of {@link #run}.
 */
public final class ScriptSandbox implements ScriptRunner, AutoCloseable {
    private static final int CACHED_SCRIPTS = 64;
    /** Strings and arrays built in one step by repeat/padStart/fill/join/concat/Array.from. */
    private static final int BUILT_CHARS = 1 << 20;
    private static final int BUILT_ELEMENTS = 1 << 20;

    private final SandboxLimits limits;
    private final BoundedSink sink = new BoundedSink();
    private final Engine engine;
    private final Watchdog watchdog = new Watchdog();
    private final Semaphore calls;
    private final String prelude;
    private final Map<String, Slot> slots = new LinkedHashMap<>(16, 0.75f, true);

    public ScriptSandbox() {
        this(SandboxLimits.defaults());
    }

    public ScriptSandbox(SandboxLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.calls = new Semaphore(limits.concurrentCalls(), true);
        this.prelude = resource("prelude.js");
        this.engine = Engine.newBuilder("js").sandbox(SandboxPolicy.CONSTRAINED).out(sink).err(sink)
                .option("engine.WarnInterpreterOnly", "false").build();
        warmUp();
    }

    /**
     * Runs the prelude once without limits: the first context on a cold engine loads and
     * interprets far more than later ones, and must not fail a script on its CPU limit.
     */
    private void warmUp() {
        try (Context ctx = newContext(false)) {
            ctx.eval(Source.newBuilder("js", prelude, "quire-prelude.js").buildLiteral())
                    .execute(limits.outputChars(), BUILT_CHARS, BUILT_ELEMENTS);
        }
    }

    private Context newContext(boolean limited) {
        Context.Builder b = Context.newBuilder("js").engine(engine).sandbox(SandboxPolicy.CONSTRAINED)
                .out(sink).err(sink).allowIO(IOAccess.NONE)
                // Date methods that read local time must give the same answer on every replica.
                .timeZone(java.time.ZoneOffset.UTC)
                .option("js.load", "false").option("js.print", "false").option("js.console", "false")
                .option("js.graal-builtin", "false").option("js.allow-eval", "false");
        if (limited) {
            b.option("sandbox.MaxCPUTime", limits.cpuTime().toMillis() + "ms")
                    .option("sandbox.MaxStatements", Long.toString(limits.statements()));
        }
        return b.build();
    }

    @Override
    public ScriptResult run(String scriptName, String source, MergeInput input) {
        ScriptCall call = ScriptCall.of(input);
        if (call.size() > limits.inputChars())
            return new ScriptResult.Failed(Failure.INPUT_TOO_LARGE, "inputs of " + call.size() + " chars, limit " + limits.inputChars());
        Slot slot = slot(scriptName, source);
        try {
            calls.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ScriptResult.Failed(Failure.UNAVAILABLE, "interrupted while waiting for the sandbox");
        }
        try {
            return slot.call(call);
        } finally {
            calls.release();
        }
    }

    /** Bytes written to stdout/stderr by scripts and discarded. */
    public long discardedOutput() {
        return sink.discarded();
    }

    @Override
    public void close() {
        synchronized (slots) {
            slots.values().forEach(Slot::close);
            slots.clear();
        }
        watchdog.close();
        engine.close(true);
    }

    private Slot slot(String name, String source) {
        String key = name + "\0" + sha256(source);
        Slot slot;
        Slot evicted = null;
        synchronized (slots) {
            slot = slots.computeIfAbsent(key, k -> new Slot(name, source));
            if (slots.size() > CACHED_SCRIPTS) {
                var eldest = slots.entrySet().iterator().next();
                slots.remove(eldest.getKey());
                evicted = eldest.getValue();
            }
        }
        // Outside the map's lock: closing waits for a call running in that slot to finish.
        if (evicted != null) evicted.close();
        return slot;
    }

    /** One script's context, built on first use and rebuilt after a cancellation. */
    private final class Slot {
        private final String name;
        private final String source;
        private Context context;
        private Value invoke;
        private Value factory;
        private ScriptResult.Failed invalid;

        Slot(String name, String source) {
            this.name = name;
            this.source = source;
        }

        synchronized ScriptResult call(ScriptCall call) {
            if (invalid != null) return invalid;
            if (context == null) {
                ScriptResult.Failed failed = build();
                if (failed != null) return failed;
            }
            AtomicReference<Failure> cancelledFor = new AtomicReference<>();
            Context ctx = context;
            try (Watchdog.Guard guard = watchdog.guard(() -> cancel(ctx), Thread.currentThread(), limits, cancelledFor)) {
                // Limits count from here: building the context and evaluating the source cost far more.
                ctx.resetLimits();
                Value out = invoke.execute(factory, call.base(), call.ours(), call.theirs(), call.context());
                if (out.isString()) return ScriptCall.result(out.asString());
                if (out.isNumber()) return new ScriptResult.Failed(Failure.OUTPUT_TOO_LARGE,
                        "result of " + out.asLong() + " chars, limit " + limits.outputChars());
                return ScriptCall.bad("merge returned undefined, a function or a symbol, not a JSON value");
            } catch (PolyglotException e) {
                return failure(e, cancelledFor.get());
            } catch (IllegalStateException e) {
                // The watchdog closed the context between our check and the call.
                discard();
                return new ScriptResult.Failed(Objects.requireNonNullElse(cancelledFor.get(), Failure.TIMEOUT), ScriptCall.clip(e.getMessage()));
            }
        }

        private ScriptResult failure(PolyglotException e, Failure watchdogReason) {
            String message = ScriptCall.clip(e.getMessage());
            if (watchdogReason != null) {
                discard();
                return new ScriptResult.Failed(watchdogReason, watchdogReason == Failure.TIMEOUT
                        ? "the call ran past its " + limits.deadline().toMillis() + " ms deadline"
                        : "the call allocated more than " + (limits.allocatedBytes() >> 20) + " MiB");
            }
            if (e.isCancelled() || e.isResourceExhausted() || e.isInternalError()) {
                discard();
                Failure f = message.contains("statement limit") ? Failure.STATEMENT_LIMIT
                        : message.contains("CPU time") ? Failure.CPU_LIMIT
                        : e.isInternalError() ? Failure.UNAVAILABLE : Failure.MEMORY_LIMIT;
                return new ScriptResult.Failed(f, message);
            }
            return new ScriptResult.Failed(Failure.THREW, message);
        }

        /** Builds the context; returns a failure when the script itself is unusable. */
        private ScriptResult.Failed build() {
            Context ctx = newContext(true);
            try {
                invoke = ctx.eval(Source.newBuilder("js", prelude, "quire-prelude.js").buildLiteral())
                        .execute(limits.outputChars(), BUILT_CHARS, BUILT_ELEMENTS);
                ctx.resetLimits();
                // The source must parse on its own, so it cannot close the function it is wrapped in below.
                ctx.parse(Source.newBuilder("js", source, name + ".js").buildLiteral());
                // Wrapped so each call runs the script's top level afresh: no state survives a call.
                factory = ctx.eval(Source.newBuilder("js", "(function () {\n" + source
                        + "\nreturn typeof merge === 'function' ? merge : undefined;\n})", name + ".js").buildLiteral());
                context = ctx;
                return null;
            } catch (PolyglotException e) {
                ctx.close(true);
                if (e.isSyntaxError()) {
                    invalid = new ScriptResult.Failed(Failure.INVALID_SCRIPT, ScriptCall.clip(e.getMessage()));
                    return invalid;
                }
                return new ScriptResult.Failed(Failure.UNAVAILABLE, "could not set up the script context: " + ScriptCall.clip(e.getMessage()));
            }
        }

        private void discard() {
            Context ctx = context;
            context = null;
            invoke = null;
            factory = null;
            if (ctx != null) cancel(ctx);
        }

        synchronized void close() {
            discard();
        }

        /** Called by the watchdog, from its thread, while the call holds this slot's lock. */
        private static void cancel(Context ctx) {
            try {
                ctx.close(true);
            } catch (PolyglotException | IllegalStateException ignored) {
                // Closing a context that a limit already cancelled: nothing more to do.
            }
        }
    }

    private static String resource(String name) {
        try (InputStream in = ScriptSandbox.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read resource " + name, e);
        }
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
