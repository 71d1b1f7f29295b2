package io.quire.server.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminTokenTest {
    @TempDir
    Path dir;

    @Test
    void aGeneratedTokenIsKeptOwnerOnlyAndSurvivesRestarts() throws Exception {
        Path data = dir.resolve("data");
        String token = AdminToken.loadOrCreate(data);
        assertTrue(token.length() >= 40, token);
        Path file = data.resolve(AdminToken.FILE);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(token, AdminToken.loadOrCreate(data));
        assertEquals(token, AdminToken.read(data).orElseThrow());
    }

    @Test
    void twoDataDirectoriesGetDifferentTokens() throws Exception {
        assertTrue(!AdminToken.loadOrCreate(dir.resolve("a")).equals(AdminToken.loadOrCreate(dir.resolve("b"))));
    }
}
