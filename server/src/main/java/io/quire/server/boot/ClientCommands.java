package io.quire.server.boot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.sdk.remote.Wire;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;

/** The launcher's commands that talk to a running node over its HTTP API: {@code status} and {@code user add}. */
final class ClientCommands {
    static final Set<String> TARGET_OPTIONS = Set.of("config", "url", "token");

    private ClientCommands() {
    }

    /** Prints {@code /api/v1/health} and {@code /api/v1/cluster}; 1 when the node cannot be reached. */
    static int status(CliArgs args, PrintStream out, PrintStream err) throws Exception {
        if (!args.positional().isEmpty()) throw new CliArgs.UsageException("status takes no arguments");
        ClientTarget target = ClientTarget.resolve(args);
        try (HttpClient http = client()) {
            HttpResponse<String> health = http.send(get(target.url(), "/api/v1/health").build(), HttpResponse.BodyHandlers.ofString());
            out.println("health:  " + compact(health.body()));
            HttpRequest.Builder cluster = get(target.url(), "/api/v1/cluster");
            target.token().ifPresent(t -> cluster.header("Authorization", "Bearer " + t));
            HttpResponse<String> c = http.send(cluster.build(), HttpResponse.BodyHandlers.ofString());
            out.println("cluster: " + (c.statusCode() == 200 ? pretty(c.body()) : problem(c)));
            return health.statusCode() == 200 && c.statusCode() == 200 ? 0 : 1;
        } catch (IOException e) {
            err.println("quire: cannot reach " + target.url() + ": " + (e.getMessage() == null ? e : e.getMessage()));
            return 1;
        }
    }

    /** {@code user add NAME [--password P]}: creates a mail user through {@code POST /api/v1/mail/users}. */
    static int user(CliArgs args, PrintStream out, PrintStream err) throws Exception {
        if (args.positional().size() != 2 || !args.positional().get(0).equals("add"))
            throw new CliArgs.UsageException("usage: user add NAME [--password P]");
        String name = args.positional().get(1);
        ClientTarget target = ClientTarget.resolve(args);
        String token = target.requireToken();
        String password = args.option("password").orElse(null);
        if (password == null) password = askPassword(name, err);
        if (password == null || password.isEmpty()) {
            err.println("quire: a password is required");
            return 2;
        }
        ObjectNode body = Wire.object().put("name", name).put("password", password);
        try (HttpClient http = client()) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(target.url().resolve("/api/v1/mail/users"))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(Wire.bytes(body))).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 == 2) {
                out.println("created mail user " + name);
                return 0;
            }
            if (r.statusCode() == 404)
                err.println("quire: the node at " + target.url() + " does not run the mail app (" + problem(r) + ")");
            else err.println("quire: " + problem(r));
            return 1;
        } catch (IOException e) {
            err.println("quire: cannot reach " + target.url() + ": " + (e.getMessage() == null ? e : e.getMessage()));
            return 1;
        }
    }

    /** Reads a password without echo from the console, or a line from standard input when there is none (scripts). */
    private static String askPassword(String name, PrintStream err) throws IOException {
        Console console = System.console();
        if (console != null) {
            char[] first = console.readPassword("Password for %s: ", name);
            char[] again = console.readPassword("Repeat the password: ");
            if (first == null || again == null) return null;
            if (!Arrays.equals(first, again)) {
                err.println("quire: the passwords differ");
                return null;
            }
            return new String(first);
        }
        return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static HttpRequest.Builder get(URI base, String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).GET();
    }

    private static String problem(HttpResponse<String> r) {
        try {
            JsonNode p = Wire.MAPPER.readTree(r.body());
            return "HTTP " + r.statusCode() + ": " + p.path("detail").asText(p.path("title").asText(""));
        } catch (IOException e) {
            return "HTTP " + r.statusCode();
        }
    }

    private static String compact(String json) {
        return json.strip();
    }

    private static String pretty(String json) throws IOException {
        return Wire.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(Wire.MAPPER.readTree(json));
    }
}
