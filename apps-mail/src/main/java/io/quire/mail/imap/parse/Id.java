package io.quire.mail.imap.parse;

import java.util.List;
import java.util.Optional;

/**
 * {@code ID (field value ...)} or {@code ID NIL} (RFC 2971).
 *
 * @param fields the client's fields in order; empty for {@code NIL}
 */
public record Id(List<Field> fields) implements Command {
    /** Copies the list. */
    public Id {
        fields = List.copyOf(fields);
    }

    /**
     * One field-value pair.
     *
     * @param name  the field name, e.g. {@code name} or {@code version}
     * @param value the value, empty for NIL
     */
    public record Field(String name, Optional<String> value) {
    }
}
