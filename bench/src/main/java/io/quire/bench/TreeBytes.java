package io.quire.bench;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;

/**
 * Counts the tree objects a commit adds over its parent: the trees whose id differs, found by
 * descending only where ids differ (like the store's own writes). Their total size is the write
 * amplification of the tree layout.
 */
final class TreeBytes {
    /** Number of new tree objects and their total (uncompressed, canonical) size. */
    record Added(int trees, long bytes) {
        Added plus(Added o) {
            return new Added(trees + o.trees, bytes + o.bytes);
        }
    }

    private TreeBytes() {
    }

    static Added added(ObjectReader r, ObjectId tree, ObjectId parentTree) throws IOException {
        if (tree.equals(parentTree)) return new Added(0, 0);
        Map<String, ObjectId> before = parentTree == null ? Map.of() : subtrees(r, parentTree);
        Added sum = new Added(1, r.getObjectSize(tree, Constants.OBJ_TREE));
        for (Map.Entry<String, ObjectId> e : subtrees(r, tree).entrySet())
            sum = sum.plus(added(r, e.getValue(), before.get(e.getKey())));
        return sum;
    }

    private static Map<String, ObjectId> subtrees(ObjectReader r, ObjectId tree) throws IOException {
        Map<String, ObjectId> out = new HashMap<>();
        for (CanonicalTreeParser p = new CanonicalTreeParser(null, r, tree); !p.eof(); p.next())
            if (p.getEntryFileMode() == FileMode.TREE) out.put(p.getEntryPathString(), p.getEntryObjectId());
        return out;
    }
}
