package io.quire.server.store.merge;

import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.ObjectId;

/** A bounded, thread-safe memo of virtual merge commits by their two (unordered) parents. */
final class VirtualMerges {
    private final Map<String, ObjectId> byParents;

    VirtualMerges(int capacity) {
        this.byParents = new LinkedHashMap<>(capacity * 4 / 3 + 1, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, ObjectId> eldest) {
                return size() > capacity;
            }
        };
    }

    private static String key(AnyObjectId a, AnyObjectId b) {
        String x = a.name(), y = b.name();
        return x.compareTo(y) <= 0 ? x + y : y + x;
    }

    synchronized ObjectId get(AnyObjectId a, AnyObjectId b) {
        return byParents.get(key(a, b));
    }

    synchronized void put(AnyObjectId a, AnyObjectId b, ObjectId merged) {
        byParents.put(key(a, b), merged.copy());
    }
}
