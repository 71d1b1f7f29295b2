package io.quire.server.store;

import io.quire.sdk.Databases;
import io.quire.sdk.spi.EmbeddedProvider;
import java.nio.file.Path;

/** Lets {@code Quire.embedded(dataDir, node)} open a Git store in the caller's JVM. */
public final class EmbeddedStoreProvider implements EmbeddedProvider {
    @Override
    public Databases open(Path dataDir, String nodeName) {
        return new GitDatabases(dataDir, nodeName);
    }
}
