package io.quire.sdk;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * One replicated database, embedded or remote: the same interface either way.
 *
 * <p>Calls block until done (a write returns only once its commit is durable on disk); never call
 * them on a Vert.x event loop: use {@code executeBlocking} or a worker. Thread-safe.
 * Failures are {@link QuireException}s.
 */
public interface Database {
    String name();

    DatabaseInfo info();

    /** The current head commit id (empty string for a database with no commit yet). */
    String head();

    Optional<Document> get(DocumentId id);

    default <T> Optional<T> get(DocumentId id, Class<T> type) {
        return get(id).map(d -> d.as(type));
    }

    /** The bytes of a blob referenced from a blob field ({@code {"$blob": "<id>"}}). */
    Optional<byte[]> blob(String blobId);

    Page list(String type, Optional<String> after, int limit);

    default Revision put(DocumentId id, ObjectNode data) {
        return commit(Transaction.builder().put(id, data).build()).written().get(0).rev().orElseThrow();
    }

    default Revision put(DocumentId id, ObjectNode data, Revision ifMatch) {
        return commit(Transaction.builder().put(id, data, ifMatch).build()).written().get(0).rev().orElseThrow();
    }

    default void delete(DocumentId id) {
        commit(Transaction.builder().delete(id).build());
    }

    /** Applies all writes of {@code tx} in one commit, or none of them. */
    CommitResult commit(Transaction tx);

    /** Changes since a commit ({@code ""} for all), at most {@code limit} documents. */
    ChangeBatch changes(String since, int limit);

    /**
     * Calls {@code listener} with each new head's changes, in commit order, on a thread of the
     * database's own (never an event loop). Close the returned handle to stop.
     */
    AutoCloseable listen(ChangeListener listener);

    List<DocumentVersion> history(DocumentId id, int limit);

    List<ConflictRecord> conflicts(int limit);
}
