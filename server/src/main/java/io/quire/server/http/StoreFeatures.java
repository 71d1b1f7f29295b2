package io.quire.server.http;

import io.quire.sdk.Database;
import io.quire.server.store.GitDatabase;
import java.util.Optional;

/**
 * The store features beyond the SDK interface that the API uses when the database offers them:
 * a native head watcher (long-poll, SSE) and branch merging.
 */
final class StoreFeatures {
    private StoreFeatures() {
    }

    static HeadWatcher headWatcher(Database db) {
        return switch (db) {
            case GitDatabase g -> g::awaitHeadChange;
            case HeadWatcher w -> w;
            default -> HeadWatcher.listening(db);
        };
    }

    static Optional<BranchMerger> merger(Database db) {
        return switch (db) {
            case GitDatabase g -> Optional.of(g::mergeBranch);
            case BranchMerger m -> Optional.of(m);
            default -> Optional.empty();
        };
    }
}
