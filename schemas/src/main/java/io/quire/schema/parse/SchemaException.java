package io.quire.schema.parse;

import java.util.List;

/** A schema text was refused; {@link #problems()} names each problem with its line and column. */
public final class SchemaException extends Exception {
    private final transient List<SchemaProblem> problems;

    public SchemaException(List<SchemaProblem> problems) {
        super(problems.isEmpty() ? "invalid schema"
                : problems.size() == 1 ? problems.get(0).toString()
                : problems.get(0) + " (and " + (problems.size() - 1) + " more)");
        this.problems = List.copyOf(problems);
    }

    public List<SchemaProblem> problems() {
        return problems;
    }
}
