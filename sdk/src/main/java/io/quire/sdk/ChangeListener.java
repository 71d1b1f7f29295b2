package io.quire.sdk;

/** Receives the changes of each new head of a database (local commits and merges alike). */
@FunctionalInterface
public interface ChangeListener {
    void onChange(ChangeBatch batch);
}
