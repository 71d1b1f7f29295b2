package io.quire.server.store;

import io.quire.schema.Schema;
import org.eclipse.jgit.lib.ObjectId;

/**
 * One consistent view of a database: the head commit, its tree and the schema stored in it.
 * Readers take the current {@code Head} and never see a half-applied commit.
 */
public record Head(ObjectId commit, PersistentTree tree, Schema schema) {
    public String commitName() {
        return commit == null ? "" : commit.name();
    }
}
