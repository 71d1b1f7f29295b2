package io.quire.schema;

/** A reference to a merge policy: a built-in (or SDK-registered) one by name, or a JavaScript one. */
public sealed interface PolicyRef {
    /** Built-in policy names (see merge-policies). */
    java.util.Set<String> BUILTIN = java.util.Set.of("lww", "max", "min", "counter", "set", "immutable", "text");

    record Named(String name) implements PolicyRef {
    }

    record Script(String name) implements PolicyRef {
    }

    static PolicyRef lww() {
        return new Named("lww");
    }
}
