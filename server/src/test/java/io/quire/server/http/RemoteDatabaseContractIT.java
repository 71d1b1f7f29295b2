package io.quire.server.http;

import io.quire.sdk.Databases;
import io.quire.sdk.remote.RemoteDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The contract through the SDK's HTTP client against a real node: it must behave as embedded. */
class RemoteDatabaseContractIT implements DatabaseContract {
    @TempDir
    Path dir;
    TestNode node;
    RemoteDatabases databases;

    @BeforeEach
    void start() throws Exception {
        node = new TestNode(dir);
        databases = new RemoteDatabases(node.base(), TestNode.TOKEN);
    }

    @AfterEach
    void stop() throws Exception {
        databases.close();
        node.close();
    }

    @Override
    public Databases databases() {
        return databases;
    }
}
