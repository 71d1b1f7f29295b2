package io.quire.schema.validate;

/** Builds JSON Pointer paths (RFC 6901). */
final class JsonPointer {
    private JsonPointer() {
    }

    /** A key as a pointer segment: {@code ~} becomes {@code ~0} and {@code /} becomes {@code ~1} (RFC 6901 §3). */
    static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    static String of(String key) {
        return "/" + escape(key);
    }
}
