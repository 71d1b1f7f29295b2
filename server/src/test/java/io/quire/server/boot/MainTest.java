package io.quire.server.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MainTest {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        return Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void noCommandPrintsUsageAndExits2() {
        assertEquals(2, run());
        assertTrue(err().contains("usage: quire"));
    }

    @Test
    void anUnknownCommandOrOptionIsWrongUsage() {
        assertEquals(2, run("frobnicate"));
        assertTrue(err().contains("unknown command frobnicate"));
        assertEquals(2, run("status", "--colour", "red"));
        assertTrue(err().contains("unknown option --colour"));
        assertEquals(2, run("user", "delete", "bob"));
    }

    @Test
    void helpPrintsUsageAndSucceeds() {
        assertEquals(0, run("help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("import-maildir USER DIR"));
    }

    @Test
    void mailCommandsSayTheMailAppIsMissing() {
        assertEquals(1, run("import-maildir", "alice", "/tmp/x"));
        assertTrue(err().contains("command import-maildir is provided by the mail app, which is not on the class path"), err());
    }

    @Test
    void statusOfANodeThatIsNotRunningFailsWithTheUrl() {
        assertEquals(1, run("status", "--url", "http://127.0.0.1:1", "--token", "t"));
        assertTrue(err().contains("cannot reach http://127.0.0.1:1"), err());
    }

    @Test
    void aBadConfigFileStopsTheCommandNamingTheKey() throws Exception {
        java.nio.file.Path f = java.nio.file.Files.createTempFile("quire", ".yaml");
        java.nio.file.Files.writeString(f, "http: abc\n");
        assertEquals(1, run("status", "--config", f.toString()));
        assertTrue(err().contains("config: http: expected host:port, got \"abc\""), err());
        java.nio.file.Files.delete(f);
    }
}
