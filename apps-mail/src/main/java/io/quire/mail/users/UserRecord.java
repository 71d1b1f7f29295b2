package io.quire.mail.users;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.sdk.remote.Wire;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/**
 * One mail user as the directory stores it.
 *
 * @param name         the lower-cased address, also the document id
 * @param passwordHash the Argon2id PHC string ({@link PasswordHasher})
 * @param aliases      other addresses that deliver to this user
 * @param createdAt    when the user was created
 */
public record UserRecord(String name, String passwordHash, Set<String> aliases, Instant createdAt) {
    public UserRecord {
        aliases = Set.copyOf(aliases);
    }

    ObjectNode toDocument() {
        ObjectNode o = Wire.object().put("name", name).put("passwordHash", passwordHash);
        new TreeSet<>(aliases).forEach(o.putArray("aliases")::add);
        return o.put("createdAt", createdAt.toString());
    }

    static UserRecord fromDocument(JsonNode d) {
        Set<String> aliases = new TreeSet<>();
        d.path("aliases").forEach(a -> aliases.add(a.asText()));
        return new UserRecord(d.path("name").asText(), d.path("passwordHash").asText(), aliases,
                Instant.parse(d.path("createdAt").asText(Instant.EPOCH.toString())));
    }

    /** What the API shows: everything but the hash. */
    public ObjectNode toPublicJson() {
        ObjectNode o = Wire.object().put("name", name);
        new TreeSet<>(aliases).forEach(o.putArray("aliases")::add);
        return o.put("createdAt", createdAt.toString());
    }
}
