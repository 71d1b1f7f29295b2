package io.quire.server.store.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;

class VirtualMergesTest {
    static ObjectId id(int n) {
        return ObjectId.fromString(String.format("%040x", n));
    }

    @Test
    void aVirtualMergeIsFoundWhicheverParentComesFirst() {
        VirtualMerges memo = new VirtualMerges(4);
        memo.put(id(1), id(2), id(3));
        assertEquals(id(3), memo.get(id(2), id(1)));
        assertEquals(id(3), memo.get(id(1), id(2)));
        assertNull(memo.get(id(1), id(4)));
    }

    @Test
    void theLeastRecentlyUsedEntryGoesWhenTheMemoIsFull() {
        VirtualMerges memo = new VirtualMerges(2);
        memo.put(id(1), id(2), id(10));
        memo.put(id(3), id(4), id(11));
        memo.get(id(1), id(2));
        memo.put(id(5), id(6), id(12));
        assertEquals(id(10), memo.get(id(1), id(2)));
        assertNull(memo.get(id(3), id(4)));
        assertEquals(id(12), memo.get(id(5), id(6)));
    }
}
