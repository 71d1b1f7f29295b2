package io.quire.sdk.remote;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.sdk.Database;
import io.quire.sdk.DatabaseName;
import io.quire.sdk.Databases;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The databases of a remote node, over its HTTP API with {@code java.net.http} (no extra dependency
 * for SDK users). Failures come back as the same {@link io.quire.sdk.QuireException} kinds the
 * embedded store throws.
 */
public final class RemoteDatabases implements Databases {
    private final ApiClient api;

    /** {@code base} is the node's root URL, e.g. {@code http://127.0.0.1:8080}; {@code token} its admin token. */
    public RemoteDatabases(URI base, String token) {
        this.api = new ApiClient(base, token);
    }

    /** Creates a database; {@code If-None-Match: *} makes an existing one an AlreadyExists, as embedded. */
    @Override
    public Database create(String name, String schemaText) {
        api.call("PUT", ApiClient.path("db", name), Wire.object().put("schemaText", schemaText), "If-None-Match", "*");
        return new RemoteDatabase(api, name);
    }

    @Override
    public Optional<Database> open(String name) {
        // as embedded: a name that cannot exist does not open, rather than failing
        if (DatabaseName.problem(name) != null) return Optional.empty();
        ApiClient.Response r = api.send("GET", ApiClient.path("db", name, "head"), null);
        if (r.status() == 404) return Optional.empty();
        if (!r.ok()) throw ApiClient.failure(r);
        return Optional.of(new RemoteDatabase(api, name));
    }

    @Override
    public List<String> list() {
        List<String> names = new ArrayList<>();
        for (JsonNode n : api.call("GET", ApiClient.path("db"), null).path("databases")) names.add(n.asText());
        return names;
    }

    /** Stops every change feed and releases the HTTP client. */
    @Override
    public void close() {
        api.close();
    }
}
