package io.quire.mail.smtp;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs real mail clients (Python's {@code smtplib}, {@code swaks}) as processes against a server under test.
 *
 * <p>Needs the Debian packages {@code python3} and {@code swaks} (for STARTTLS, swaks uses
 * {@code libnet-ssleay-perl}, which it depends on).
 */
public final class Clients {

    /** What a client process left behind. */
    public record Result(int exit, String stdout, String stderr) {
        /** Stdout and stderr together, for assertion messages. */
        public String all() {
            return "exit " + exit + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
        }
    }

    private Clients() {
    }

    /** Runs {@code python3 -c script args...}. */
    public static Result python(String script, String... args) {
        var command = new ArrayList<>(List.of("python3", "-c", script));
        command.addAll(List.of(args));
        return run(command);
    }

    /** Runs {@code swaks args...}. */
    public static Result swaks(String... args) {
        var command = new ArrayList<>(List.of("swaks"));
        command.addAll(List.of(args));
        return run(command);
    }

    /** Runs a command with a one-minute limit; the test fails if the program is missing. */
    public static Result run(List<String> command) {
        try {
            Path out = Files.createTempFile("client", ".out");
            Path err = Files.createTempFile("client", ".err");
            try {
                Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    fail("client timed out: " + command.get(0));
                }
                return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            return fail("cannot run " + command.get(0) + " (is it installed? apt-get install -y python3 swaks)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted");
        }
    }
}
