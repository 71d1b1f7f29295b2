package io.quire.server.boot;

import io.quire.sdk.spi.CliCommand;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;

/**
 * The {@code quire} command line: {@code start} runs a node in the foreground; the other commands
 * talk to a running node or are provided by apps. Exit codes: 0 done, 1 failed, 2 wrong usage.
 */
public final class Main {
    static final String USAGE = """
            usage: quire <command> [options]

            commands:
              start [--config FILE]                run a node in the foreground (Ctrl-C stops it)
              status [--url URL] [--token T]       show the node's health and cluster state
              user add NAME [--password P]         create a mail user on the running node
              import-maildir USER DIR              import a Maildir into USER's mail (mail app)
              export-maildir USER DIR              export USER's mail as a Maildir (mail app)
              import-mbox USER FILE                import an mbox file into USER's mail (mail app)
              help                                 show this text

            status and user add find the node with --url and --token, or --config FILE, or the
            defaults: http://127.0.0.1:8080 and the token kept in ./data/admin-token.
            """;
    static final List<String> APP_COMMANDS = List.of("import-maildir", "export-maildir", "import-mbox");

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("start")) {
            int code = start(Arrays.asList(args).subList(1, args.length), System.out, System.err);
            // a node that stopped on a signal must not call exit: the JVM is already shutting down
            if (code != 0) System.exit(code);
            return;
        }
        System.exit(run(Arrays.asList(args), System.out, System.err));
    }

    /** Runs one command other than {@code start} and returns its exit code. */
    static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty()) return usage(err, null);
        String command = args.get(0);
        List<String> rest = args.subList(1, args.size());
        try {
            return switch (command) {
                case "help", "--help", "-h" -> {
                    out.print(USAGE);
                    yield 0;
                }
                case "status" -> ClientCommands.status(CliArgs.parse(rest, ClientCommands.TARGET_OPTIONS), out, err);
                case "user" -> ClientCommands.user(CliArgs.parse(rest, union(ClientCommands.TARGET_OPTIONS, "password")), out, err);
                case "start" -> usage(err, "start runs in the foreground: call it from main");
                default -> appCommand(command, rest, out, err);
            };
        } catch (CliArgs.UsageException e) {
            return usage(err, e.getMessage());
        } catch (ConfigException e) {
            e.problems().forEach(err::println);
            return 1;
        } catch (Exception e) {
            err.println("quire: " + command + " failed: " + e);
            return 1;
        }
    }

    /** {@code start [--config FILE]}: runs until SIGTERM/SIGINT, then stops cleanly. Returns only on failure or after stopping. */
    static int start(List<String> args, PrintStream out, PrintStream err) {
        NodeConfig config;
        try {
            CliArgs a = CliArgs.parse(args, Set.of("config"));
            if (!a.positional().isEmpty()) throw new CliArgs.UsageException("start takes no arguments besides --config FILE");
            Optional<String> file = a.option("config");
            config = file.isPresent() ? NodeConfigParser.read(Path.of(file.get())) : NodeConfig.defaults();
        } catch (CliArgs.UsageException e) {
            return usage(err, e.getMessage());
        } catch (ConfigException e) {
            e.problems().forEach(err::println);
            return 1;
        }
        Node node;
        try {
            node = Node.start(config);
        } catch (Exception e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            err.println("quire: the node did not start: " + (cause.getMessage() == null ? cause : cause.getMessage()));
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            node.close();
            stopped.countDown();
        }, "quire-shutdown"));
        node.describe(out);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static int appCommand(String name, List<String> args, PrintStream out, PrintStream err) {
        for (CliCommand c : ServiceLoader.load(CliCommand.class))
            if (c.name().equals(name)) return c.run(args, out, err);
        if (APP_COMMANDS.contains(name)) {
            err.println("quire: command " + name + " is provided by the mail app, which is not on the class path");
            return 1;
        }
        return usage(err, "unknown command " + name);
    }

    private static int usage(PrintStream err, String problem) {
        if (problem != null) err.println("quire: " + problem);
        err.print(USAGE);
        return 2;
    }

    private static Set<String> union(Set<String> a, String b) {
        java.util.HashSet<String> s = new java.util.HashSet<>(a);
        s.add(b);
        return s;
    }
}
