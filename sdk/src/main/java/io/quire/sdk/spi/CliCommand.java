package io.quire.sdk.spi;

import java.io.PrintStream;
import java.util.List;

/**
 * A subcommand of the {@code quire} launcher that an app provides (e.g. {@code import-maildir}),
 * found with {@link java.util.ServiceLoader}.
 */
public interface CliCommand {
    /** The word after {@code quire} that selects this command, e.g. {@code import-maildir}. */
    String name();

    /** One line for the launcher's usage text, e.g. {@code import-maildir USER DIR}. */
    default String usage() {
        return name() + " ...";
    }

    /**
     * Runs the command with the arguments after its name. Returns the process exit code: 0 on
     * success, 2 for wrong usage, 1 for other failures.
     */
    int run(List<String> args, PrintStream out, PrintStream err);
}
