package io.quire.sdk;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Optional;

/** One version of a document in retained history: the commit that wrote it, and its data (empty when deleted). */
public record DocumentVersion(String commit, Instant time, Optional<Revision> rev, Optional<ObjectNode> data) {
}
