package io.quire.server.boot;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A listening address written {@code host:port}: a host name, an IPv4 address or a bracketed IPv6
 * address (RFC 3986 §3.2.2), and a port from 0 to 65535 (0: any free port).
 */
public record HostPort(String host, int port) {
    private static final Pattern FORM = Pattern.compile("(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252}[A-Za-z0-9])?):([0-9]{1,5})");

    public HostPort {
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port out of range: " + port);
    }

    /** Parses {@code host:port}; empty when the text is not one. */
    public static Optional<HostPort> parse(String text) {
        if (text == null) return Optional.empty();
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) return Optional.empty();
        int port = Integer.parseInt(m.group(2));
        if (port > 65535) return Optional.empty();
        String host = m.group(1);
        return Optional.of(new HostPort(host.startsWith("[") ? host.substring(1, host.length() - 1) : host, port));
    }

    /** The host as a URL needs it (IPv6 in brackets). */
    public String urlHost() {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    /** A host a local client can connect to: a wildcard address becomes the loopback one. */
    public String connectHost() {
        return switch (host) {
            case "0.0.0.0" -> "127.0.0.1";
            case "::", "0:0:0:0:0:0:0:0" -> "[::1]";
            default -> urlHost();
        };
    }

    @Override
    public String toString() {
        return urlHost() + ":" + port;
    }
}
