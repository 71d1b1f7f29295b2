package io.quire.merge.js;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.merge.Hlc;
import io.quire.merge.MergeInput;
import io.quire.merge.ScriptResult;
import io.quire.merge.ScriptResult.Failure;
import io.quire.merge.Side;
import io.quire.merge.document.DocumentCodec;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScriptSandboxTest {
    static final String SUM = "function merge(base, ours, theirs, ctx) { return (ours || 0) + (theirs || 0) - (base || 0); }";
    static ScriptSandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = new ScriptSandbox();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    static MergeInput input(String base, String ours, String theirs) {
        return new MergeInput(Optional.ofNullable(base).map(ScriptSandboxTest::json),
                new Side(json(ours), new Hlc(1, 0, "a"), "c1"), new Side(json(theirs), new Hlc(2, 0, "b"), "c2"), "f", null);
    }

    static JsonNode json(String s) {
        try {
            return DocumentCodec.MAPPER.readTree(s);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    static ScriptResult run(String source) {
        return sandbox.run("s" + Integer.toHexString(source.hashCode()), source, input("1", "2", "3"));
    }

    /** After anything a hostile script did, a good script still merges. */
    static void sandboxStillWorks() {
        assertEquals(new ScriptResult.Merged(json("4")), sandbox.run("sum", SUM, input("1", "2", "3")));
    }

    @Test
    void goodScriptMergesValuesPassedAsJson() {
        sandboxStillWorks();
        ScriptResult r = sandbox.run("obj", "function merge(b, o, t, c) { return {b: b, o: o, t: t, c: c}; }", input(null, "[1]", "{\"x\":\"y\"}"));
        assertEquals(new ScriptResult.Merged(json("{\"b\":null,\"o\":[1],\"t\":{\"x\":\"y\"},"
                + "\"c\":{\"field\":\"f\",\"oursClock\":\"1.0@a\",\"theirsClock\":\"2.0@b\"}}")), r);
    }

    @Test
    void returningNullMeansTheFieldIsAbsent() {
        assertEquals(new ScriptResult.Merged(json("null")), run("function merge() { return null; }"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            endless loop                 | function merge() { while (true) {} }                                          | STATEMENT_LIMIT
            endless loop of builtins     | function merge() { for (;;) { [1,2,3].sort(); } }                             | ANY_LIMIT
            infinite recursion           | function merge() { function f() { return f() + 1; } return f(); }             | THREW
            throwing                     | function merge() { throw new Error('nope'); }                                 | THREW
            Java host access             | function merge() { return Java.type('java.lang.System').exit(1); }            | THREW
            load a file                  | function merge() { return load('/etc/passwd'); }                              | THREW
            require a module             | function merge() { return require('fs').readFileSync('/etc/passwd'); }        | THREW
            Polyglot eval                | function merge() { return Polyglot.eval('js', '1'); }                         | THREW
            Polyglot evalFile            | function merge() { return Polyglot.evalFile('js', '/etc/passwd'); }           | THREW
            Graal builtin                | function merge() { return Graal.versionJS; }                                  | THREW
            java package globals         | function merge() { return java.io.File; }                                     | THREW
            eval                         | function merge() { return eval('1'); }                                        | THREW
            Function constructor         | function merge() { return new Function('return 1')(); }                       | THREW
            Math.random                  | function merge() { return Math.random(); }                                    | THREW
            Date.now                     | function merge() { return Date.now(); }                                       | THREW
            new Date()                   | function merge() { return new Date().getTime(); }                             | THREW
            Date constructor via proto   | function merge() { return new (new Date(0).constructor)().getTime(); }       | THREW
            Intl reads the clock         | function merge() { return new Intl.DateTimeFormat().format(); }               | THREW
            ArrayBuffer bomb             | function merge() { return new ArrayBuffer(1.9e9).byteLength; }                | THREW
            typed array bomb             | function merge() { return new Float64Array(2e8).length; }                     | THREW
            repeat bomb                  | function merge() { return 'x'.repeat(1 << 29).length; }                       | THREW
            padEnd bomb                  | function merge() { return ''.padEnd(1e9, 'x').length; }                       | THREW
            fill bomb                    | function merge() { return new Array(1e9).fill(0).length; }                    | THREW
            concat doubling              | function merge() { let a = [1]; for (let i = 0; i < 40; i++) a = a.concat(a); return a.length; } | STOPPED
            string doubling              | function merge() { let s = 'x'; for (let i = 0; i < 40; i++) s = s + s; return s.indexOf('y'); } | STOPPED
            array growth                 | function merge() { const a = []; for (;;) a.push({x: 'y'.padEnd(1000, 'z')}); }  | ANY_LIMIT
            returns undefined            | function merge() { return undefined; }                                        | BAD_OUTPUT
            returns a function           | function merge() { return function () {}; }                                   | BAD_OUTPUT
            returns a symbol             | function merge() { return Symbol('x'); }                                      | BAD_OUTPUT
            returns a huge string        | function merge() { let s = ''; for (let i = 0; i < 300; i++) s += 'x'.repeat(1000); return s; } | OUTPUT_TOO_LARGE
            returns a cycle              | function merge() { const o = {}; o.o = o; return o; }                          | THREW
            returns a BigInt             | function merge() { return 10n; }                                              | THREW
            defines no merge             | function mrege() { return 1; }                                                | THREW
            does not parse               | function merge( { return 1; }                                                 | INVALID_SCRIPT
            escapes its wrapper          | return merge; }); function merge() { return 1; } (function () {               | INVALID_SCRIPT
            """)
    void hostileScriptFailsCleanlyAndSandboxStaysUsable(String what, String source, String expected) {
        ScriptResult r = run(source);
        ScriptResult.Failed failed = assertInstanceOf(ScriptResult.Failed.class, r, what + " gave " + r);
        if (expected.equals("ANY_LIMIT")) {
            // Which limit stops a growth loop first depends on the machine; any of these is a clean stop.
            assertTrue(java.util.Set.of(Failure.MEMORY_LIMIT, Failure.CPU_LIMIT, Failure.STATEMENT_LIMIT, Failure.TIMEOUT)
                    .contains(failed.failure()), what + " gave " + r);
        } else if (expected.equals("STOPPED")) {
            // A doubling loop hits a size cap (THREW) or, on a loaded machine, the CPU limit first.
            assertTrue(java.util.Set.of(Failure.THREW, Failure.MEMORY_LIMIT, Failure.CPU_LIMIT, Failure.STATEMENT_LIMIT, Failure.TIMEOUT)
                    .contains(failed.failure()), what + " gave " + r);
        } else {
            assertEquals(Failure.valueOf(expected), failed.failure(), what + " gave " + r);
        }
        sandboxStillWorks();
    }

    @Test
    void stateDoesNotSurviveFromOneCallToTheNext() {
        String counter = "let n = 0; function merge() { globalThis.leak = (globalThis.leak || 0) + 1; return ++n; }";
        ScriptResult first = run(counter);
        ScriptResult second = run(counter);
        assertEquals(first, second);
    }

    @Test
    void tooLargeInputIsRefusedBeforeRunning() {
        String big = "\"" + "x".repeat(300 * 1024) + "\"";
        ScriptResult r = sandbox.run("sum", SUM, input(null, big, "1"));
        assertEquals(Failure.INPUT_TOO_LARGE, assertInstanceOf(ScriptResult.Failed.class, r).failure());
    }

    @Test
    void printingGoesNowhere() {
        assertEquals(Failure.THREW, assertInstanceOf(ScriptResult.Failed.class, run("function merge() { console.log('x'); return 1; }")).failure());
        sandboxStillWorks();
    }
}
