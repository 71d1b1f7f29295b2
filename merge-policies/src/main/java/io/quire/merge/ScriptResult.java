package io.quire.merge;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/** What a script merge call gave: the merged value, or a typed failure. */
public sealed interface ScriptResult {
    /** The script returned {@code value} (JSON null: the field is absent). */
    record Merged(JsonNode value) implements ScriptResult {
        public Merged {
            Objects.requireNonNull(value, "value");
        }
    }

    /** The script could not produce a value; {@code detail} is for people (never a stack trace). */
    record Failed(Failure failure, String detail) implements ScriptResult {
        public Failed {
            Objects.requireNonNull(failure, "failure");
            detail = detail == null ? "" : detail;
        }
    }

    /** Why a script call failed. */
    enum Failure {
        /** The schema names a script it does not contain. */
        NOT_FOUND(true),
        /** The source does not parse, or does not define a function {@code merge}. */
        INVALID_SCRIPT(true),
        /** The script threw (including a stack overflow from endless recursion). */
        THREW(true),
        /** The script ran more statements than allowed. */
        STATEMENT_LIMIT(true),
        /** The script used more CPU time than allowed. */
        CPU_LIMIT(false),
        /** The call ran past its wall-clock deadline and was cancelled by the watchdog. */
        TIMEOUT(false),
        /** The call allocated more memory than allowed and was cancelled. */
        MEMORY_LIMIT(false),
        /** The inputs were larger than a call may take. */
        INPUT_TOO_LARGE(true),
        /** The result was larger than a call may return. */
        OUTPUT_TOO_LARGE(true),
        /** The result was not JSON (undefined, a function, a symbol…). */
        BAD_OUTPUT(true),
        /** No sandbox is available (not configured, or it failed to start). */
        UNAVAILABLE(false);

        private final boolean deterministic;

        Failure(boolean deterministic) {
            this.deterministic = deterministic;
        }

        /**
         * Whether every replica running the same script on the same input fails alike. Limits
         * measured in time or memory depend on the machine and its load, so a replica may fail where
         * another succeeded, and the two merges then differ: keep scripts far below those limits.
         */
        public boolean deterministic() {
            return deterministic;
        }
    }
}
