package io.quire.mail.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a mail command finds the running node and its admin token, exactly as {@code quire status}
 * and {@code quire user add} do: {@code --url}/{@code --token} first, then {@code --config FILE}
 * (its {@code http}, {@code adminToken} and {@code dataDir}), then the defaults
 * ({@code http://127.0.0.1:8080} and the token kept in {@code ./data/admin-token}), then the
 * {@code QUIRE_TOKEN} environment variable.
 */
record NodeTarget(URI url, String token) {
    static NodeTarget resolve(CommandLine args) throws CliFailure {
        JsonNode config = args.option("config").isPresent() ? readConfig(Path.of(args.option("config").get()))
                : new YAMLMapper().createObjectNode();
        String url = args.option("url").orElseGet(() -> "http://" + connectHost(config.path("http").asText("127.0.0.1:8080")));
        Optional<String> token = args.option("token").or(() -> text(config, "adminToken"));
        if (token.isEmpty()) token = storedToken(Path.of(text(config, "dataDir").orElse("data")));
        if (token.isEmpty()) token = Optional.ofNullable(System.getenv("QUIRE_TOKEN")).filter(t -> !t.isBlank());
        if (token.isEmpty())
            throw new CliFailure.Usage("no admin token: pass --token, or --config FILE, or run where ./data/admin-token is readable");
        try {
            return new NodeTarget(URI.create(url.replaceAll("/+$", "")), token.get());
        } catch (IllegalArgumentException e) {
            throw new CliFailure.Usage("--url: not a URL: " + url);
        }
    }

    private static JsonNode readConfig(Path file) throws CliFailure {
        try {
            JsonNode n = new YAMLMapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
            return n == null ? new YAMLMapper().createObjectNode() : n;
        } catch (IOException e) {
            throw new CliFailure("config: cannot read " + file + ": " + e.getMessage());
        }
    }

    private static Optional<String> text(JsonNode config, String key) {
        JsonNode v = config.get(key);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
    }

    private static Optional<String> storedToken(Path dataDir) {
        Path f = dataDir.resolve("admin-token");
        try {
            if (!Files.isReadable(f)) return Optional.empty();
            String t = Files.readString(f, StandardCharsets.UTF_8).strip();
            return t.isEmpty() ? Optional.empty() : Optional.of(t);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** {@code host:port} as a client connects to it: a wildcard listening address means this machine. */
    static String connectHost(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
        String port = colon < 0 ? "8080" : hostPort.substring(colon + 1);
        host = switch (host) {
            case "0.0.0.0" -> "127.0.0.1";
            case "::", "[::]" -> "[::1]";
            default -> host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        };
        return host + ":" + port;
    }
}
