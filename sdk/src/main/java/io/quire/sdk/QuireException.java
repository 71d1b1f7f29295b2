package io.quire.sdk;

import io.quire.schema.validate.Violation;
import java.util.List;

/**
 * The one root of expected failures seen through the SDK. Each kind maps to one HTTP status and
 * says whether retrying can help.
 */
public abstract sealed class QuireException extends RuntimeException {
    protected QuireException(String message) {
        super(message, null, false, false);
    }

    /** True when the same request may succeed later (e.g. a busy or unreachable server). */
    public boolean isTransient() {
        return false;
    }

    public static final class NotFound extends QuireException {
        public NotFound(String message) {
            super(message);
        }
    }

    public static final class InvalidRequest extends QuireException {
        public InvalidRequest(String message) {
            super(message);
        }
    }

    /** An {@code If-Match} revision did not match the current one. */
    public static final class PreconditionFailed extends QuireException {
        private final String current;

        public PreconditionFailed(String message, String currentRevision) {
            super(message);
            this.current = currentRevision;
        }

        /** The current revision, or null when the document does not exist. */
        public String currentRevision() {
            return current;
        }
    }

    public static final class SchemaViolation extends QuireException {
        private final transient List<Violation> violations;

        public SchemaViolation(String message, List<Violation> violations) {
            super(message);
            this.violations = List.copyOf(violations);
        }

        public List<Violation> violations() {
            return violations;
        }
    }

    /** A schema text was refused; each problem names its line and column. */
    public static final class InvalidSchema extends QuireException {
        private final transient List<io.quire.schema.parse.SchemaProblem> problems;

        public InvalidSchema(String message, List<io.quire.schema.parse.SchemaProblem> problems) {
            super(message);
            this.problems = List.copyOf(problems);
        }

        public List<io.quire.schema.parse.SchemaProblem> problems() {
            return problems;
        }
    }

    /** The thing already exists (e.g. creating a database twice). */
    public static final class AlreadyExists extends QuireException {
        public AlreadyExists(String message) {
            super(message);
        }
    }

    /** The server could not do it now (I/O failure, shutting down, unreachable): retry later. */
    public static final class Unavailable extends QuireException {
        public Unavailable(String message) {
            super(message);
        }

        @Override
        public boolean isTransient() {
            return true;
        }
    }
}
