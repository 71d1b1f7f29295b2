package io.quire.sdk;

import io.quire.schema.Schema;
import java.util.Map;

/** What {@code GET /api/v1/db/{db}} shows: replica id, head commit, schema and counts per type. */
public record DatabaseInfo(String name, String replicaId, String head, Schema schema, Map<String, Long> documentCounts) {
}
