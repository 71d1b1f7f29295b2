package io.quire.server.boot;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a client command ({@code status}, {@code user add}) finds the running node and its token:
 * {@code --url}/{@code --token} first, then {@code --config FILE}, then the defaults
 * ({@code http://127.0.0.1:8080} and the token kept in {@code ./data/admin-token}), then the
 * {@code QUIRE_TOKEN} environment variable.
 */
record ClientTarget(URI url, Optional<String> token) {
    static ClientTarget resolve(CliArgs args) throws ConfigException, IOException {
        NodeConfig config = args.option("config").isPresent()
                ? NodeConfigParser.read(Path.of(args.option("config").get())) : NodeConfig.defaults();
        URI url = URI.create(args.option("url").orElse(config.httpUrl().toString()).replaceAll("/+$", ""));
        Optional<String> token = args.option("token").or(config::adminToken);
        if (token.isEmpty()) token = AdminToken.read(config.dataDir());
        if (token.isEmpty()) token = Optional.ofNullable(System.getenv("QUIRE_TOKEN")).filter(t -> !t.isBlank());
        return new ClientTarget(url, token);
    }

    String requireToken() throws CliArgs.UsageException {
        return token.orElseThrow(() -> new CliArgs.UsageException(
                "no admin token: pass --token, or --config FILE, or run where ./data/admin-token is readable"));
    }
}
