package io.quire.server.store;

import org.eclipse.jgit.lib.ObjectId;

/** What integrating another commit into main did: the new head, and whether main now contains that commit. */
public record Integration(ObjectId head, boolean containsOther) {
}
