package io.quire.server.boot;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads values out of a configuration tree, collecting one problem line per bad key instead of stopping at the first. */
final class ConfigReader {
    private static final Pattern SIZE = Pattern.compile("([0-9]{1,13})\\s*(B|KiB|MiB|GiB|k|K|KB|M|MB|G|GB)?");
    private static final Pattern DOMAIN = Pattern.compile("(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");
    private static final long MIN_BODY = 1024;
    private static final long MAX_BODY = 1L << 30;

    private final List<String> problems = new ArrayList<>();

    List<String> problems() {
        return problems;
    }

    void problem(String key, String message) {
        problems.add("config: " + (key.isEmpty() ? "" : key + ": ") + message);
    }

    /** How a value is quoted in a message: strings in quotes, the rest as YAML would show them. */
    static String shown(JsonNode v) {
        if (v == null || v.isMissingNode() || v.isNull()) return "nothing";
        if (v.isTextual()) {
            String s = v.asText();
            return "\"" + (s.length() > 60 ? s.substring(0, 60) + "..." : s).replaceAll("\\p{Cntrl}", "?") + "\"";
        }
        if (v.isObject()) return "a mapping";
        if (v.isArray()) return "a list";
        return v.toString();
    }

    /**
     * A key given no value ({@code mail:}) reads as an empty string in Jackson's YAML, not as null:
     * both mean "not set".
     */
    static boolean absent(JsonNode v) {
        return v == null || v.isMissingNode() || v.isNull() || (v.isTextual() && v.asText().isEmpty());
    }

    void allowOnly(String section, JsonNode node, List<String> allowed) {
        node.fieldNames().forEachRemaining(k -> {
            if (!allowed.contains(k)) problem(section, "unknown key \"" + k + "\" (expected one of: " + String.join(", ", allowed) + ")");
        });
    }

    /** An optional string member; when {@code form} is given the value must match it. */
    Optional<String> string(JsonNode parent, String field, String key, Pattern form, String expected) {
        JsonNode v = parent.get(field);
        if (absent(v)) return Optional.empty();
        if (!v.isTextual() || v.asText().isBlank() || (form != null && !form.matcher(v.asText()).matches())) {
            problem(key, "expected " + expected + ", got " + shown(v));
            return Optional.empty();
        }
        return Optional.of(v.asText());
    }

    Optional<HostPort> address(JsonNode parent, String field, String key) {
        JsonNode v = parent.get(field);
        if (absent(v)) return Optional.empty();
        Optional<HostPort> hp = v.isTextual() ? HostPort.parse(v.asText()) : Optional.empty();
        if (hp.isEmpty()) problem(key, "expected host:port, got " + shown(v));
        return hp;
    }

    Optional<NodeConfig.Cluster> cluster(JsonNode c, String node) {
        if (!c.isObject()) {
            problem("cluster", "expected a mapping with secret and peers, got " + shown(c));
            return Optional.empty();
        }
        allowOnly("cluster", c, NodeConfigParser.Keys.CLUSTER);
        Optional<String> secret = string(c, "secret", "cluster.secret", null, "a shared secret string");
        if (absent(c.get("secret"))) problem("cluster.secret", "expected a shared secret string, got nothing");
        List<NodeConfig.Peer> peers = new ArrayList<>();
        JsonNode list = c.path("peers");
        if (!absent(list) && !list.isArray()) problem("cluster.peers", "expected a list of {name, url}, got " + shown(list));
        Set<String> names = new HashSet<>();
        for (int i = 0; list.isArray() && i < list.size(); i++) peer(list.get(i), "cluster.peers[" + i + "]", node, names).ifPresent(peers::add);
        Optional<NodeConfig.PeerTls> tls = absent(c.get("tls")) ? Optional.empty() : peerTls(c.get("tls"));
        return secret.map(s -> new NodeConfig.Cluster(s, peers, tls));
    }

    private Optional<NodeConfig.PeerTls> peerTls(JsonNode t) {
        if (!t.isObject()) {
            problem("cluster.tls", "expected a mapping with certificate, key and trust (PEM files), got " + shown(t));
            return Optional.empty();
        }
        allowOnly("cluster.tls", t, NodeConfigParser.Keys.PEER_TLS);
        List<Optional<String>> files = new ArrayList<>();
        for (String k : NodeConfigParser.Keys.PEER_TLS) {
            if (absent(t.get(k))) problem("cluster.tls." + k, "expected a PEM file path, got nothing");
            files.add(string(t, k, "cluster.tls." + k, null, "a PEM file path"));
        }
        if (files.stream().anyMatch(Optional::isEmpty)) return Optional.empty();
        return Optional.of(new NodeConfig.PeerTls(Path.of(files.get(0).get()), Path.of(files.get(1).get()), Path.of(files.get(2).get())));
    }

    private Optional<NodeConfig.Peer> peer(JsonNode p, String key, String node, Set<String> names) {
        if (!p.isObject()) {
            problem(key, "expected {name, url}, got " + shown(p));
            return Optional.empty();
        }
        allowOnly(key, p, NodeConfigParser.Keys.PEER);
        Optional<String> name = string(p, "name", key + ".name", NodeConfigParser.NODE_NAME, "a node name ([a-z0-9][a-z0-9._-]{0,62})");
        if (absent(p.get("name"))) problem(key + ".name", "expected a node name, got nothing");
        if (name.isPresent() && name.get().equals(node)) problem(key + ".name", "a peer cannot have this node's own name \"" + node + "\"");
        if (name.isPresent() && !names.add(name.get())) problem(key + ".name", "peer \"" + name.get() + "\" is listed twice");
        Optional<URI> url = peerUrl(p.get("url"), key + ".url");
        return name.isPresent() && url.isPresent() ? Optional.of(new NodeConfig.Peer(name.get(), url.get())) : Optional.empty();
    }

    private Optional<URI> peerUrl(JsonNode v, String key) {
        String expected = "an http:// or https:// URL with a host, like http://10.0.0.2:8080, got " + shown(v);
        if (v == null || !v.isTextual()) {
            problem(key, "expected " + expected);
            return Optional.empty();
        }
        try {
            URI u = new URI(v.asText().strip());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            boolean pathOk = u.getRawPath() == null || u.getRawPath().isEmpty() || u.getRawPath().equals("/");
            if ((scheme.equals("http") || scheme.equals("https")) && u.getHost() != null && u.getUserInfo() == null
                    && u.getRawQuery() == null && u.getRawFragment() == null && pathOk)
                return Optional.of(u);
        } catch (URISyntaxException e) {
            // reported below
        }
        problem(key, "expected " + expected);
        return Optional.empty();
    }

    Optional<NodeConfig.Mail> mail(JsonNode m) {
        if (absent(m)) m = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        if (!m.isObject()) {
            problem("mail", "expected a mapping (imap, lmtp, smtp, domains, tls), got " + shown(m));
            return Optional.empty();
        }
        allowOnly("mail", m, NodeConfigParser.Keys.MAIL);
        HostPort imap = address(m, "imap", "mail.imap").orElse(new HostPort("127.0.0.1", 1143));
        HostPort lmtp = address(m, "lmtp", "mail.lmtp").orElse(new HostPort("127.0.0.1", 2424));
        HostPort smtp = address(m, "smtp", "mail.smtp").orElse(new HostPort("127.0.0.1", 2525));
        List<String> domains = new ArrayList<>();
        JsonNode d = m.get("domains");
        if (absent(d)) domains.add("localhost");
        else if (!d.isArray() || d.isEmpty()) problem("mail.domains", "expected a non-empty list of domain names, got " + shown(d));
        else for (int i = 0; i < d.size(); i++) {
            JsonNode x = d.get(i);
            if (x.isTextual() && DOMAIN.matcher(x.asText()).matches()) domains.add(x.asText().toLowerCase(Locale.ROOT));
            else problem("mail.domains[" + i + "]", "expected a domain name like example.org, got " + shown(x));
        }
        return Optional.of(new NodeConfig.Mail(imap, lmtp, smtp, domains, tls(m.get("tls"))));
    }

    private Optional<NodeConfig.Tls> tls(JsonNode t) {
        if (absent(t)) return Optional.empty();
        if (!t.isObject()) {
            problem("mail.tls", "expected a mapping with certificate and key (PEM files), got " + shown(t));
            return Optional.empty();
        }
        allowOnly("mail.tls", t, NodeConfigParser.Keys.TLS);
        Optional<String> cert = string(t, "certificate", "mail.tls.certificate", null, "a PEM file path");
        Optional<String> key = string(t, "key", "mail.tls.key", null, "a PEM file path");
        if (absent(t.get("certificate"))) problem("mail.tls.certificate", "expected a PEM file path, got nothing");
        if (absent(t.get("key"))) problem("mail.tls.key", "expected a PEM file path, got nothing");
        return cert.isPresent() && key.isPresent() ? Optional.of(new NodeConfig.Tls(Path.of(cert.get()), Path.of(key.get()))) : Optional.empty();
    }

    NodeConfig.Limits limits(JsonNode l) {
        NodeConfig.Limits d = NodeConfig.Limits.DEFAULT;
        if (!l.isObject()) {
            problem("limits", "expected a mapping (maxBodyBytes, maxLongPollMillis), got " + shown(l));
            return d;
        }
        allowOnly("limits", l, NodeConfigParser.Keys.LIMITS);
        long body = l.has("maxBodyBytes") ? size(l.get("maxBodyBytes"), "limits.maxBodyBytes").orElse(d.maxBodyBytes()) : d.maxBodyBytes();
        long poll = d.maxLongPollMillis();
        JsonNode p = l.get("maxLongPollMillis");
        if (p != null) {
            if (p.canConvertToLong() && p.isIntegralNumber() && p.asLong() >= 1000 && p.asLong() <= 3_600_000) poll = p.asLong();
            else problem("limits.maxLongPollMillis", "expected milliseconds from 1000 to 3600000, got " + shown(p));
        }
        return new NodeConfig.Limits(body, poll);
    }

    /** A byte size: an integer, or a number with a unit (KiB, MiB, GiB; k/M/G mean the same binary units). */
    private Optional<Long> size(JsonNode v, String key) {
        String expected = "a size from 1KiB to 1GiB, like 16MiB or 1048576, got " + shown(v);
        Long n = null;
        if (v.isIntegralNumber() && v.canConvertToLong()) n = v.asLong();
        else if (v.isTextual()) {
            Matcher m = SIZE.matcher(v.asText().strip());
            if (m.matches()) {
                String unit = m.group(2) == null ? "B" : m.group(2).substring(0, 1).toUpperCase(Locale.ROOT);
                int shift = switch (unit) {
                    case "K" -> 10;
                    case "M" -> 20;
                    case "G" -> 30;
                    default -> 0;
                };
                long count = Long.parseLong(m.group(1));
                n = count > (MAX_BODY >> shift) ? MAX_BODY + 1 : count << shift;
            }
        }
        if (n == null || n < MIN_BODY || n > MAX_BODY) {
            problem(key, "expected " + expected);
            return Optional.empty();
        }
        return Optional.of(n);
    }
}
