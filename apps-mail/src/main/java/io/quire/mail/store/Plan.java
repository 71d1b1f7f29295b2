package io.quire.mail.store;

import io.quire.sdk.Transaction;
import java.util.Optional;

/**
 * What a write commits (nothing, when there is nothing to change) and what it answers once the
 * commit is durable.
 */
record Plan<T>(Optional<Transaction> tx, T result) {
    static <T> Plan<T> nothing(T result) {
        return new Plan<>(Optional.empty(), result);
    }

    static <T> Plan<T> of(TxDraft draft, T result) {
        return new Plan<>(draft.build(), result);
    }
}
