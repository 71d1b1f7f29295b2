package io.quire.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * A non-trivial merge resolution, kept so nothing is silently lost: the ancestor value, both sides'
 * values, the winner that was applied, which replicas and commits the sides came from, and why.
 * {@code field} is {@code "*"} for a delete-vs-edit decision on the whole document; {@code at} is the
 * merge time (taken from the merged commits, so every replica records the same).
 */
public record ConflictRecord(String key, DocumentId document, String field, Optional<JsonNode> ancestor,
                             JsonNode ours, JsonNode theirs, JsonNode winner, String reason,
                             String oursReplica, String theirsReplica, String oursCommit, String theirsCommit,
                             String at) {
}
