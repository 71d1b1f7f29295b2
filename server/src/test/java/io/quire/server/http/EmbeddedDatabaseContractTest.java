package io.quire.server.http;

import io.quire.sdk.Databases;
import io.quire.server.store.GitDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The contract against the embedded Git store, the reference the remote client is held to. */
class EmbeddedDatabaseContractTest implements DatabaseContract {
    @TempDir
    Path dir;
    GitDatabases databases;

    @BeforeEach
    void open() {
        databases = new GitDatabases(dir, "test");
    }

    @AfterEach
    void close() {
        databases.close();
    }

    @Override
    public Databases databases() {
        return databases;
    }
}
