package io.quire.sdk;

import java.util.List;
import java.util.Optional;

/**
 * One page of a listing. Order is stable across pages but unspecified (documents are fanned out by
 * a hash of their id). Pass {@code next} as {@code after} to get the following page.
 */
public record Page(List<Document> documents, Optional<String> next) {
    public Page {
        documents = List.copyOf(documents);
    }
}
