package io.quire.server.boot;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the node configuration (YAML, INTERFACES.md "Configuration") strictly: an unknown key, a
 * duplicate key or a bad value stops start-up with one line per problem, each naming the key and
 * what is expected, e.g. {@code config: http: expected host:port, got "abc"}. All problems are
 * reported at once, so a user fixes the file in one go.
 */
public final class NodeConfigParser {
    static final Pattern NODE_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");
    private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

    private NodeConfigParser() {
    }

    /** Reads and checks a configuration file. */
    public static NodeConfig read(Path file) throws ConfigException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("config: cannot read " + file + ": " + e.getMessage());
        }
        return parse(text, file.toString(), false);
    }

    /**
     * Checks a configuration text. {@code mailByDefault}: whether a missing {@code mail} section
     * means "mail with defaults" (no config file at all) or "no mail" (a file that omits it).
     */
    public static NodeConfig parse(String text, String source, boolean mailByDefault) throws ConfigException {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new ConfigException("config: " + source + where + ": " + firstLine(e.getOriginalMessage()));
        }
        if (root == null || root.isMissingNode() || root.isNull()) root = YAML.createObjectNode();
        ConfigReader r = new ConfigReader();
        if (!root.isObject()) {
            r.problem("", "expected a mapping of keys (" + String.join(", ", Keys.TOP) + "), got " + ConfigReader.shown(root));
            throw new ConfigException(r.problems());
        }
        r.allowOnly("", root, Keys.TOP);
        String node = r.string(root, "node", "node", NODE_NAME, "a node name ([a-z0-9][a-z0-9._-]{0,62})").orElse("local");
        Path dataDir = r.string(root, "dataDir", "dataDir", null, "a directory path").map(Path::of).orElse(Path.of("data"));
        HostPort http = r.address(root, "http", "http").orElse(new HostPort("127.0.0.1", 8080));
        Optional<String> token = r.string(root, "adminToken", "adminToken", Keys.TOKEN,
                "a token of 1-512 characters without spaces");
        Optional<NodeConfig.Cluster> cluster = ConfigReader.absent(root.get("cluster")) ? Optional.empty()
                : r.cluster(root.get("cluster"), node);
        if (cluster.isPresent()) {
            java.time.Duration hold = pruneHold(r, root.get("cluster").get("pruneHoldHours"));
            cluster = cluster.map(c -> new NodeConfig.Cluster(c.secret(), c.peers(), c.tls(), hold));
        }
        Optional<NodeConfig.Mail> mail = root.has("mail") || mailByDefault ? r.mail(root.path("mail")) : Optional.empty();
        NodeConfig.Limits limits = ConfigReader.absent(root.get("limits")) ? NodeConfig.Limits.DEFAULT : r.limits(root.get("limits"));
        if (!r.problems().isEmpty()) throw new ConfigException(r.problems());
        Map<String, JsonNode> sections = new LinkedHashMap<>();
        mail.ifPresent(m -> sections.put("mail", mailSection(m)));
        return new NodeConfig(node, dataDir, http, token, cluster, mail, sections, limits);
    }

    /** The mail section as the mail app reads it: every setting written out. */
    private static JsonNode mailSection(NodeConfig.Mail m) {
        ObjectNode o = YAML.createObjectNode();
        o.put("imap", m.imap().toString()).put("lmtp", m.lmtp().toString()).put("smtp", m.smtp().toString());
        m.domains().forEach(o.putArray("domains")::add);
        m.tls().ifPresent(t -> o.putObject("tls").put("certificate", t.certificate().toString()).put("key", t.key().toString()));
        return o;
    }

    /** {@code cluster.pruneHoldHours}: whole hours from 1 to 87,600 (ten years); absent: a week. */
    private static java.time.Duration pruneHold(ConfigReader r, JsonNode v) {
        if (ConfigReader.absent(v)) return NodeConfig.Cluster.DEFAULT_PRUNE_HOLD;
        if (!v.canConvertToLong() || !v.isIntegralNumber() || v.asLong() < 1 || v.asLong() > 87_600) {
            r.problem("cluster.pruneHoldHours", "expected a whole number of hours from 1 to 87600, got " + ConfigReader.shown(v));
            return NodeConfig.Cluster.DEFAULT_PRUNE_HOLD;
        }
        return java.time.Duration.ofHours(v.asLong());
    }

    static String firstLine(String s) {
        return s == null ? "unreadable" : s.lines().findFirst().orElse("").strip();
    }

    /** Names of the keys each section accepts. */
    static final class Keys {
        static final List<String> TOP = List.of("node", "dataDir", "http", "adminToken", "cluster", "mail", "limits");
        static final List<String> CLUSTER = List.of("secret", "peers", "tls", "pruneHoldHours");
        static final List<String> PEER_TLS = List.of("certificate", "key", "trust");
        static final List<String> PEER = List.of("name", "url");
        static final List<String> MAIL = List.of("imap", "lmtp", "smtp", "domains", "tls");
        static final List<String> TLS = List.of("certificate", "key");
        static final List<String> LIMITS = List.of("maxBodyBytes", "maxLongPollMillis");
        static final Pattern TOKEN = Pattern.compile("[\\x21-\\x7e]{1,512}");

        private Keys() {
        }
    }
}
