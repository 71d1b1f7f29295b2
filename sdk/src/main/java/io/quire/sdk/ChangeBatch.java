package io.quire.sdk;

import java.util.List;

/**
 * The documents that differ from commit {@code since} to commit {@code until} (the head when read).
 * {@code since} is empty for "from the beginning".
 */
public record ChangeBatch(String since, String until, List<Change> changes) {
    public ChangeBatch {
        changes = List.copyOf(changes);
    }
}
