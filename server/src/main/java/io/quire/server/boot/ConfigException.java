package io.quire.server.boot;

import java.util.List;

/** The node configuration was refused; each problem names the key and what is expected. */
public final class ConfigException extends Exception {
    private final transient List<String> problems;

    public ConfigException(List<String> problems) {
        super(String.join("\n", problems), null, false, false);
        this.problems = List.copyOf(problems);
    }

    public ConfigException(String problem) {
        this(List.of(problem));
    }

    /** Each problem as one line, starting with {@code config:}. */
    public List<String> problems() {
        return problems;
    }
}
