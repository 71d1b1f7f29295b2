package io.quire.mail.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mail commands' answers when something is wrong before any mail moves: usage, token, no node. */
class CliErrorsTest {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    static Run run(io.quire.sdk.spi.CliCommand c, String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit = c.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theCommandsShouldBeFoundByTheLauncher() {
        Set<String> names = StreamSupport.stream(ServiceLoader.load(io.quire.sdk.spi.CliCommand.class).spliterator(), false)
                .map(io.quire.sdk.spi.CliCommand::name).collect(Collectors.toSet());
        assertTrue(names.containsAll(Set.of("import-maildir", "export-maildir", "import-mbox")), names.toString());
    }

    @Test
    void aStoppedNodeShouldBeReportedClearly() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path maildir = Files.createDirectories(dir.resolve("m/cur"));
        Run r = run(new ImportMaildirCommand(), "alice@example.org", maildir.getParent().toString(),
                "--url", "http://127.0.0.1:" + port, "--token", "t");
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.err().contains("cannot reach the node at http://127.0.0.1:" + port), r.err());
        assertTrue(r.err().contains("is it running? Start it with ./quire start"), r.err());
    }

    @Test
    void wrongUsageShouldExitWith2AndShowTheUsage() {
        Run r = run(new ExportMaildirCommand(), "alice@example.org");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("usage: quire export-maildir USER DIR"), r.err());
        assertEquals(2, run(new ImportMboxCommand(), "a", "b", "--bogus", "x").exit());
    }

    @Test
    void aMissingTokenShouldSayWhereTokensComeFrom() throws Exception {
        Path config = Files.writeString(dir.resolve("node.yaml"), "http: 127.0.0.1:1\ndataDir: " + dir.resolve("nodata") + "\n");
        Run r = run(new ExportMaildirCommand(), "alice@example.org", dir.resolve("out").toString(), "--config", config.toString());
        if (System.getenv("QUIRE_TOKEN") == null) {
            assertEquals(2, r.exit(), r.toString());
            assertTrue(r.err().contains("no admin token"), r.err());
        }
    }

    @Test
    void theTargetShouldFollowTheConfigFile() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(data.resolve("admin-token"), "from-file\n");
        Path config = Files.writeString(dir.resolve("node.yaml"), "http: 0.0.0.0:9123\ndataDir: " + data + "\n");
        NodeTarget t = NodeTarget.resolve(CommandLine.parse(List.of("--config", config.toString()), CommandLine.TARGET_OPTIONS));
        assertEquals("http://127.0.0.1:9123", t.url().toString());
        assertEquals("from-file", t.token());
        NodeTarget flags = NodeTarget.resolve(CommandLine.parse(List.of("--config", config.toString(), "--url", "http://h:1/",
                "--token", "x"), CommandLine.TARGET_OPTIONS));
        assertEquals("http://h:1", flags.url().toString());
        assertEquals("x", flags.token());
    }

    @Test
    void mailboxNamesShouldStayOnePathSegment() {
        assertEquals("Archive%2F2024", MailApiClient.encode("Archive/2024"));
        assertEquals("alice@example.org", MailApiClient.encode("alice@example.org"));
        assertEquals("Entw%C3%BCrfe%20x", MailApiClient.encode("Entwürfe x"));
    }
}
