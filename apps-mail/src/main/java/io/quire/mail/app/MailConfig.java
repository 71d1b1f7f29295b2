package io.quire.mail.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code mail:} section of the node configuration, as the mail app reads it. The server has
 * checked the section already (NodeConfigParser); this only turns it into values, and still names
 * the key when something is off, for an app started by another host.
 *
 * @param tls PEM certificate and key for STARTTLS; empty for plain text only
 */
public record MailConfig(Address imap, Address lmtp, Address smtp, List<String> domains, Optional<Tls> tls) {
    public MailConfig {
        domains = List.copyOf(domains);
    }

    /** A {@code host:port} listening address; an IPv6 host is written in brackets. */
    public record Address(String host, int port) {
        static Address parse(String key, String text) {
            int colon = text.lastIndexOf(':');
            if (colon <= 0) throw new IllegalArgumentException("mail." + key + ": expected host:port, got \"" + text + "\"");
            String host = text.substring(0, colon);
            if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
            try {
                int port = Integer.parseInt(text.substring(colon + 1));
                if (port < 0 || port > 65535) throw new NumberFormatException();
                return new Address(host, port);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("mail." + key + ": expected a port from 0 to 65535 in \"" + text + "\"");
            }
        }

        @Override
        public String toString() {
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }
    }

    public record Tls(Path certificate, Path key) {
    }

    /** Reads the section; an unusable value is an {@link IllegalArgumentException} naming its key. */
    public static MailConfig from(JsonNode section) {
        List<String> domains = new ArrayList<>();
        section.path("domains").forEach(d -> domains.add(d.asText()));
        if (domains.isEmpty()) throw new IllegalArgumentException("mail.domains: at least one domain is required");
        Optional<Tls> tls = Optional.empty();
        JsonNode t = section.get("tls");
        if (t != null && !t.isNull()) {
            if (!t.path("certificate").isTextual() || !t.path("key").isTextual())
                throw new IllegalArgumentException("mail.tls: expected {certificate: FILE, key: FILE}");
            tls = Optional.of(new Tls(Path.of(t.get("certificate").asText()), Path.of(t.get("key").asText())));
        }
        return new MailConfig(address(section, "imap", "127.0.0.1:1143"), address(section, "lmtp", "127.0.0.1:2424"),
                address(section, "smtp", "127.0.0.1:2525"), domains, tls);
    }

    private static Address address(JsonNode section, String key, String fallback) {
        JsonNode v = section.get(key);
        return Address.parse(key, v == null || v.isNull() ? fallback : v.asText());
    }
}
