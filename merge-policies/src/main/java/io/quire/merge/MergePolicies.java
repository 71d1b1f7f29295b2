package io.quire.merge;

import io.quire.merge.builtin.CounterPolicy;
import io.quire.merge.builtin.ImmutablePolicy;
import io.quire.merge.builtin.LastWriterWinsPolicy;
import io.quire.merge.builtin.MaxPolicy;
import io.quire.merge.builtin.MinPolicy;
import io.quire.merge.builtin.SetPolicy;
import io.quire.merge.builtin.TextMergePolicy;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;

/**
 * The merge policies a schema can name, by name: the built-ins, plus Java policies registered
 * through {@link #register}, which is the SPI for policies written in Java.
 *
 * <p>Modelled on JGit's {@code MergeStrategy.register/get} (an error on a duplicate name), but an
 * instance rather than static state: a server holds one registry and hands it to its
 * {@link io.quire.merge.document.DocumentMerger}, and tests (or a simulated cluster of several
 * nodes in one JVM) get registries that do not leak into each other. Every replica of a database
 * must register the same policies under the same names, or their merges differ.
 *
 * <p>Thread-safe.
 */
public final class MergePolicies {
    /** A policy name: the same grammar as a schema's type names, so any registered name can be referenced. */
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,63}");

    private final ConcurrentMap<String, MergePolicy> byName = new ConcurrentHashMap<>();

    /** A registry holding the built-in policies ({@code lww max min counter set immutable text}). */
    public MergePolicies() {
        register(LastWriterWinsPolicy.NAME, LastWriterWinsPolicy.INSTANCE);
        register(MaxPolicy.NAME, MaxPolicy.INSTANCE);
        register(MinPolicy.NAME, MinPolicy.INSTANCE);
        register(CounterPolicy.NAME, CounterPolicy.INSTANCE);
        register(SetPolicy.NAME, SetPolicy.INSTANCE);
        register(ImmutablePolicy.NAME, ImmutablePolicy.INSTANCE);
        register(TextMergePolicy.NAME, TextMergePolicy.INSTANCE);
    }

    /**
     * Registers a policy under a name a schema can reference as {@code merge: name}.
     *
     * @throws IllegalArgumentException if the name is malformed or already registered (a built-in
     *                                  cannot be replaced: replicas must agree on what it means)
     */
    public MergePolicies register(String name, MergePolicy policy) {
        Objects.requireNonNull(policy, "policy");
        if (name == null || !NAME.matcher(name).matches())
            throw new IllegalArgumentException("policy name must match " + NAME.pattern() + ": " + name);
        MergePolicy previous = byName.putIfAbsent(name, policy);
        if (previous != null) throw new IllegalArgumentException("merge policy already registered: " + name);
        return this;
    }

    /** The policy registered under {@code name}, if any. */
    public Optional<MergePolicy> get(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(byName.get(name));
    }

    /** Whether a policy is registered under {@code name} (for validating a schema before it is accepted). */
    public boolean contains(String name) {
        return get(name).isPresent();
    }

    /** All registered names, sorted. */
    public SortedSet<String> names() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(byName.keySet()));
    }
}
