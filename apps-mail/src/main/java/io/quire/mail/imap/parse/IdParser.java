package io.quire.mail.imap.parse;

import io.quire.mail.imap.protocol.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Parses {@code ID SP ("(" string SP nstring *(SP string SP nstring) ")" / NIL)} (RFC 2971 §4), enforcing
 * its limits: at most 30 pairs, field names up to 30 octets, values up to 1024, no repeated field (§3.3).
 */
final class IdParser {
    private static final int MAX_PAIRS = 30;
    private static final int MAX_NAME = 30;
    private static final int MAX_VALUE = 1024;

    private IdParser() {
    }

    static Id parse(Arguments args) {
        if (args.acceptAtom("NIL")) {
            args.end();
            return new Id(List.of());
        }
        Arguments list = args.group("ID parameter list");
        args.end();
        List<Id.Field> fields = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        while (list.hasNext()) {
            byte[] name = list.stringBytes("ID field name");
            Optional<String> value = list.nstring("ID field value");
            if (fields.size() == MAX_PAIRS) {
                throw ProtocolException.bad("ID allows at most " + MAX_PAIRS + " fields");
            }
            if (name.length > MAX_NAME || value.map(v -> v.getBytes(StandardCharsets.UTF_8).length > MAX_VALUE)
                    .orElse(false)) {
                throw ProtocolException.bad("ID field name or value too long");
            }
            String key = new String(name, StandardCharsets.UTF_8);
            if (!seen.add(key.toLowerCase(Locale.ROOT))) {
                throw ProtocolException.bad("ID field repeated: " + key);
            }
            fields.add(new Id.Field(key, value));
        }
        return new Id(fields);
    }
}
