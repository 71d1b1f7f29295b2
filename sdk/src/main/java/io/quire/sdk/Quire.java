package io.quire.sdk;

import io.quire.sdk.remote.RemoteDatabases;
import io.quire.sdk.spi.EmbeddedProvider;
import java.net.URI;
import java.nio.file.Path;
import java.util.ServiceLoader;

/**
 * Entry point of the SDK: open databases embedded in this JVM (needs {@code quire-server} on the
 * class path) or on a remote node over its HTTP API; both give the same {@link Databases}.
 */
public final class Quire {
    private Quire() {
    }

    /** Databases stored under {@code dataDir}, in this JVM. The node name labels this replica. */
    public static Databases embedded(Path dataDir, String nodeName) {
        EmbeddedProvider p = ServiceLoader.load(EmbeddedProvider.class).findFirst().orElseThrow(() ->
                new QuireException.Unavailable("no embedded store on the class path: add io.quire:quire-server"));
        return p.open(dataDir, nodeName);
    }

    /** Databases on a remote node, e.g. {@code http://127.0.0.1:8080}, with its admin token. */
    public static Databases remote(URI baseUri, String adminToken) {
        return new RemoteDatabases(baseUri, adminToken);
    }
}
