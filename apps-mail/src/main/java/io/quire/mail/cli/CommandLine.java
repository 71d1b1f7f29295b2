package io.quire.mail.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Command-line words split into positional arguments and {@code --name value} / {@code --name=value}
 * options, with the same rules as the launcher's own commands ({@code quire status}, {@code user add}).
 */
record CommandLine(List<String> positional, Map<String, String> options) {
    /** Options every mail command takes: where the node is and how to authenticate. */
    static final Set<String> TARGET_OPTIONS = Set.of("config", "url", "token");

    static CommandLine parse(List<String> words, Set<String> allowed) throws CliFailure.Usage {
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
            if (!allowed.contains(name)) throw new CliFailure.Usage("unknown option --" + name);
            String value;
            if (eq >= 0) value = w.substring(eq + 1);
            else if (i + 1 < words.size()) value = words.get(++i);
            else throw new CliFailure.Usage("option --" + name + " needs a value");
            if (options.put(name, value) != null) throw new CliFailure.Usage("option --" + name + " given twice");
        }
        return new CommandLine(List.copyOf(positional), Map.copyOf(options));
    }

    Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }
}
