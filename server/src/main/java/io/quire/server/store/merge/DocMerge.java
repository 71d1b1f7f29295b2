package io.quire.server.store.merge;

import io.quire.merge.document.DocumentMergeResult;
import io.quire.merge.document.StoredDocument;
import io.quire.schema.DocumentType;
import io.quire.schema.Schema;
import java.util.Optional;

/** The pure document merge the tree merger calls for each document changed on both sides. */
@FunctionalInterface
public interface DocMerge {
    DocumentMergeResult merge(Schema schema, DocumentType type, Optional<StoredDocument> base,
                              Optional<StoredDocument> left, Optional<StoredDocument> right,
                              String leftCommit, String rightCommit);
}
