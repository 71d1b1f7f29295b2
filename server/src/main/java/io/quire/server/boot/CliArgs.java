package io.quire.server.boot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Command-line words split into positional arguments and {@code --name value} / {@code --name=value} options. */
record CliArgs(List<String> positional, Map<String, String> options) {
    /** Thrown for wrong usage; the launcher prints the usage and exits with 2. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message, null, false, false);
        }
    }

    static CliArgs parse(List<String> words, Set<String> allowedOptions) throws UsageException {
        List<String> positional = new ArrayList<>();
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (!w.startsWith("--") || w.equals("--")) {
                positional.add(w);
                continue;
            }
            int eq = w.indexOf('=');
            String name = eq < 0 ? w.substring(2) : w.substring(2, eq);
            if (!allowedOptions.contains(name)) throw new UsageException("unknown option --" + name);
            String value;
            if (eq >= 0) value = w.substring(eq + 1);
            else if (i + 1 < words.size()) value = words.get(++i);
            else throw new UsageException("option --" + name + " needs a value");
            if (options.put(name, value) != null) throw new UsageException("option --" + name + " given twice");
        }
        return new CliArgs(List.copyOf(positional), Map.copyOf(options));
    }

    Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }
}
