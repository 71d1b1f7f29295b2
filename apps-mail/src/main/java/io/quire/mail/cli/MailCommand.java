package io.quire.mail.cli;

import io.quire.sdk.spi.CliCommand;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the mail commands share: parsing, finding the node, and turning failures into one line on
 * standard error and an exit code (0 done, 1 failed, 2 wrong usage), as the launcher's own commands do.
 */
abstract class MailCommand implements CliCommand {
    /** Options besides {@code --url}, {@code --token} and {@code --config}. */
    Set<String> extraOptions() {
        return Set.of();
    }

    /** The positional arguments this command needs, e.g. USER and DIR. */
    abstract int arity();

    abstract int execute(CommandLine args, MailApiClient api, PrintStream out, PrintStream err) throws CliFailure;

    @Override
    public final int run(List<String> words, PrintStream out, PrintStream err) {
        try {
            Set<String> allowed = new HashSet<>(CommandLine.TARGET_OPTIONS);
            allowed.addAll(extraOptions());
            CommandLine args = CommandLine.parse(words, allowed);
            if (args.positional().size() != arity()) throw new CliFailure.Usage("usage: quire " + usage());
            try (MailApiClient api = new MailApiClient(NodeTarget.resolve(args))) {
                return execute(args, api, out, err);
            }
        } catch (CliFailure.Usage e) {
            err.println("quire: " + e.getMessage());
            err.println("usage: quire " + usage() + " [--url URL] [--token T] [--config FILE]");
            return 2;
        } catch (CliFailure e) {
            err.println("quire: " + name() + ": " + e.getMessage());
            return 1;
        }
    }

    /** Prints what was skipped and the exit code that goes with it. */
    static int summary(BatchUploader up, PrintStream err) {
        for (String s : up.skipped()) err.println("quire: skipped " + s);
        return up.skipped().isEmpty() ? 0 : 1;
    }
}
