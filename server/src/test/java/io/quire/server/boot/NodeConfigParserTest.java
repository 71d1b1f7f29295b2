package io.quire.server.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NodeConfigParserTest {
    static NodeConfig parse(String yaml) throws ConfigException {
        return NodeConfigParser.parse(yaml, "test.yaml", false);
    }

    static List<String> problems(String yaml) {
        return assertThrows(ConfigException.class, () -> parse(yaml)).problems();
    }

    @Test
    void theExampleOfTheInterfacesDocumentParses() throws Exception {
        NodeConfig c = parse("""
                node: a                          # this node's name, unique in the cluster
                dataDir: /var/lib/quire/a
                http: 127.0.0.1:8081             # API, console, git transport
                adminToken: change-me            # bearer token for admin API calls
                cluster:
                  secret: shared-cluster-secret
                  peers:
                    - { name: b, url: http://127.0.0.1:8082 }
                    - { name: c, url: http://127.0.0.1:8083 }
                mail:
                  imap: 127.0.0.1:1143
                  lmtp: 127.0.0.1:2424
                  smtp: 127.0.0.1:2525
                  domains: [example.org]
                """);
        assertEquals("a", c.node());
        assertEquals(Path.of("/var/lib/quire/a"), c.dataDir());
        assertEquals(new HostPort("127.0.0.1", 8081), c.http());
        assertEquals(Optional.of("change-me"), c.adminToken());
        assertEquals("shared-cluster-secret", c.cluster().orElseThrow().secret());
        assertEquals(List.of(new NodeConfig.Peer("b", URI.create("http://127.0.0.1:8082")),
                new NodeConfig.Peer("c", URI.create("http://127.0.0.1:8083"))), c.cluster().orElseThrow().peers());
        assertEquals(List.of("example.org"), c.mail().orElseThrow().domains());
        assertEquals("127.0.0.1:1143", c.appSections().get("mail").path("imap").asText());
        assertEquals(16L << 20, c.limits().maxBodyBytes());
    }

    @Test
    void theEmbeddedDefaultsRunOneLocalNodeWithMail() {
        NodeConfig c = NodeConfig.defaults();
        assertEquals("local", c.node());
        assertEquals(Path.of("data"), c.dataDir());
        assertEquals(new HostPort("127.0.0.1", 8080), c.http());
        NodeConfig.Mail m = c.mail().orElseThrow();
        assertEquals(new HostPort("127.0.0.1", 1143), m.imap());
        assertEquals(new HostPort("127.0.0.1", 2424), m.lmtp());
        assertEquals(new HostPort("127.0.0.1", 2525), m.smtp());
        assertEquals(List.of("localhost"), m.domains());
        assertTrue(c.adminToken().isEmpty());
        assertEquals(URI.create("http://127.0.0.1:8080"), c.httpUrl());
    }

    @Test
    void aFileWithoutAMailSectionRunsWithoutMail() throws Exception {
        assertTrue(parse("node: a\n").mail().isEmpty());
        assertTrue(parse("node: a\nmail:\n").mail().isPresent(), "an empty mail section means mail with defaults");
    }

    @Test
    void anUnknownKeyIsNamedWithTheKeysExpected() {
        assertEquals(List.of("config: unknown key \"htpp\" (expected one of: node, dataDir, http, adminToken, cluster, mail, limits)"),
                problems("node: a\nhtpp: 127.0.0.1:80\n"));
        assertEquals(List.of("config: cluster.peers[0]: unknown key \"uri\" (expected one of: name, url)"),
                problems("cluster:\n  secret: s\n  peers:\n    - { name: b, uri: http://x:1 }\n    \n").subList(0, 1));
    }

    @Test
    void aBadAddressNamesTheKey() {
        assertEquals(List.of("config: http: expected host:port, got \"abc\""), problems("http: abc\n"));
        assertEquals(List.of("config: http: expected host:port, got 8080"), problems("http: 8080\n"));
        assertEquals(List.of("config: mail.imap: expected host:port, got \"127.0.0.1:99999\""), problems("mail:\n  imap: 127.0.0.1:99999\n"));
    }

    @Test
    void ipv6AndHostNamesAreAddresses() throws Exception {
        assertEquals(new HostPort("::1", 8080), parse("http: \"[::1]:8080\"\n").http());
        assertEquals("[::1]:8080", parse("http: \"[::1]:8080\"\n").http().toString());
        assertEquals(new HostPort("node-a.example.org", 0), parse("http: node-a.example.org:0\n").http());
        assertEquals(URI.create("http://127.0.0.1:9000"), parse("http: 0.0.0.0:9000\n").httpUrl());
    }

    @Test
    void aBadPeerUrlNamesThePeer() {
        List<String> p = problems("node: a\ncluster:\n  secret: s\n  peers:\n    - { name: b, url: ftp://x:1 }\n    - { name: c, url: 'http://h:1/path?q' }\n");
        assertEquals(2, p.size(), p.toString());
        assertTrue(p.get(0).startsWith("config: cluster.peers[0].url: expected an http:// or https:// URL"), p.get(0));
        assertTrue(p.get(0).endsWith("got \"ftp://x:1\""), p.get(0));
        assertTrue(p.get(1).startsWith("config: cluster.peers[1].url: "), p.get(1));
    }

    @Test
    void peersMustBeDistinctAndNotThisNode() {
        List<String> p = problems("node: a\ncluster:\n  secret: s\n  peers:\n    - { name: a, url: http://x:1 }\n"
                + "    - { name: b, url: http://x:2 }\n    - { name: b, url: http://x:3 }\n");
        assertEquals(List.of("config: cluster.peers[0].name: a peer cannot have this node's own name \"a\"",
                "config: cluster.peers[2].name: peer \"b\" is listed twice"), p);
    }

    @Test
    void aClusterNeedsASecret() {
        assertEquals(List.of("config: cluster.secret: expected a shared secret string, got nothing"),
                problems("cluster:\n  peers: []\n"));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        List<String> p = problems("node: Big Name\nhttp: nope\nadminToken: has space\nmail:\n  domains: []\n");
        assertEquals(4, p.size(), p.toString());
        assertTrue(p.get(0).startsWith("config: node: expected a node name"));
        assertTrue(p.get(1).startsWith("config: http: "));
        assertTrue(p.get(2).startsWith("config: adminToken: "));
        assertTrue(p.get(3).startsWith("config: mail.domains: "));
    }

    @Test
    void limitsAcceptSizesWithUnits() throws Exception {
        assertEquals(1L << 20, parse("limits:\n  maxBodyBytes: 1MiB\n").limits().maxBodyBytes());
        assertEquals(4096, parse("limits:\n  maxBodyBytes: 4096\n").limits().maxBodyBytes());
        assertEquals(List.of("config: limits.maxBodyBytes: expected a size from 1KiB to 1GiB, like 16MiB or 1048576, got \"lots\""),
                problems("limits:\n  maxBodyBytes: lots\n"));
        assertTrue(problems("limits:\n  maxBodyBytes: 99999999999999GiB\n").get(0).startsWith("config: limits.maxBodyBytes"));
    }

    @Test
    void yamlSyntaxErrorsAndDuplicateKeysNameTheLine() {
        List<String> p = problems("node: a\nnode: b\n");
        assertTrue(p.get(0).startsWith("config: test.yaml line 2"), p.toString());
        assertTrue(problems("node: [a\n").get(0).startsWith("config: test.yaml line"));
        assertEquals(List.of("config: expected a mapping of keys (node, dataDir, http, adminToken, cluster, mail, limits), got a list"),
                problems("- a\n- b\n"));
    }

    @Test
    void anEmptyFileMeansAllDefaultsWithoutMail() throws Exception {
        NodeConfig c = parse("");
        assertEquals("local", c.node());
        assertTrue(c.mail().isEmpty());
    }
}
