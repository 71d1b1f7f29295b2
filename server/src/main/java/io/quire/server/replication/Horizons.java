package io.quire.server.replication;

import io.quire.server.prune.ShallowSet;
import io.quire.server.store.StoreLayout;
import java.io.IOException;
import org.eclipse.jgit.internal.storage.file.FileRepository;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.FetchConnection;
import org.eclipse.jgit.transport.Transport;

/**
 * Fetching from a pruned replica: its history stops at its horizon and borders (ADR 0009), so a
 * fetch that needs commits below them would bring a pack with missing parents (and be refused by
 * the object check). Taking the peer's published boundaries into our own shallow set first makes
 * them legal here too;
 * merges across it then use the remembered common commit as their base (ARCHITECTURE.md §3).
 */
public final class Horizons {
    private Horizons() {
    }

    /**
     * Reads the peer's published boundaries through {@code t} and adds those we lack to our shallow commits.
     * The boundary is only ever added here; pruning keeps it for as long as a ref can reach it
     * (see {@link ShallowSet}), since the fetch may bring that commit without its parents.
     */
    public static void adopt(Repository repo, Transport t) throws IOException {
        if (!(repo instanceof FileRepository fr)) return;
        java.util.List<ObjectId> boundaries = new java.util.ArrayList<>();
        try (FetchConnection c = t.openFetch()) {
            for (Ref r : c.getRefs())
                if (r.getObjectId() != null && (r.getName().equals(StoreLayout.HORIZON_REF) || r.getName().startsWith(StoreLayout.BORDER_REFS)))
                    boundaries.add(r.getObjectId());
        }
        for (ObjectId b : boundaries) ShallowSet.adopt(fr, b);
    }
}
