package io.quire.sdk.remote;

import io.quire.sdk.Database;
import io.quire.sdk.Databases;
import io.quire.sdk.QuireException;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/** Databases of a remote node, over its HTTP API (java.net.http: no extra dependency for SDK users). */
public final class RemoteDatabases implements Databases {
    private final URI base;
    private final String token;

    public RemoteDatabases(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    @Override
    public Database create(String name, String schemaText) {
        throw new QuireException.Unavailable("remote databases: not implemented yet (" + base + ")");
    }

    @Override
    public Optional<Database> open(String name) {
        throw new QuireException.Unavailable("remote databases: not implemented yet (" + base + token.length() + ")");
    }

    @Override
    public List<String> list() {
        return List.of();
    }

    @Override
    public void close() {
    }
}
