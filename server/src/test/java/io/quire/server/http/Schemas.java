package io.quire.server.http;

/** Schemas used by the HTTP tests: the contacts example of INTERFACES.md. */
final class Schemas {
    static final String CONTACTS_YAML = io.quire.server.store.Fixtures.CONTACTS;

    static final String CONTACTS_JSON = """
            {"name": "contacts", "version": 1, "types": {
              "contact": {"onConflict": "delete-wins", "fields": {
                "name": {"type": "string", "required": true, "merge": "lww"},
                "emails": {"type": "array", "items": "string", "merge": "set"},
                "visits": {"type": "integer", "merge": "counter"},
                "score": {"type": "number", "merge": "max"},
                "notes": {"type": "string", "merge": "text"},
                "avatar": {"type": "blob", "merge": "immutable"}}},
              "note": {"onConflict": "edit-wins", "fields": {"text": {"type": "string", "merge": "text"}}}}}
            """;

    private Schemas() {
    }

    /** The body of {@code PUT /api/v1/db/{db}} for the contacts schema. */
    static String createBody() {
        return "{\"schema\": " + CONTACTS_JSON + "}";
    }
}
