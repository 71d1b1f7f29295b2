package io.quire.mail.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    /** Small parameters keep the tests fast; the format and the checks are the same as with the defaults. */
    static final PasswordHasher FAST = new PasswordHasher(new PasswordHasher.Params(1024, 1, 1));

    @Test
    void hashShouldBeAPhcStringWithItsParameters() {
        String h = new PasswordHasher().hash("correct horse");
        assertTrue(h.matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}"), h);
    }

    @Test
    void verifyShouldAcceptTheRightPasswordOnly() {
        String h = FAST.hash("correct horse");
        assertTrue(FAST.verify("correct horse", h));
        assertFalse(FAST.verify("correct horsE", h));
        assertFalse(FAST.verify("", h));
    }

    @Test
    void saltsShouldDifferSoEqualPasswordsGiveDifferentHashes() {
        assertNotEquals(FAST.hash("same"), FAST.hash("same"));
    }

    @Test
    void parametersShouldComeFromTheStoredHashNotTheHasher() {
        String old = FAST.hash("pw");
        assertTrue(new PasswordHasher().verify("pw", old), "a hasher with other defaults still checks old hashes");
    }

    @Test
    void unreadableOrForeignHashesShouldNeverMatch() {
        for (String bad : List.of("", "pw", "$argon2i$v=19$m=1024,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA",
                "$argon2id$v=16$m=1024,t=1,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA",
                "$argon2id$v=19$m=99999999,t=1,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA",
                "$2y$10$abcdefghijklmnopqrstuu5s2v8.iXieOjg/.AySBTTZIIVFJeBui"))
            assertFalse(FAST.verify("pw", bad), bad);
        assertFalse(FAST.verify("pw", null));
    }

    @Test
    void burnShouldAnswerFalse() {
        assertFalse(FAST.burn("anything"));
    }

    @Test
    void unicodePasswordsShouldBeHashedAsUtf8() {
        String h = FAST.hash("pässwörd ✓");
        assertTrue(FAST.verify("pässwörd ✓", h));
        assertFalse(FAST.verify("passwort ✓", h));
    }

    /** Interoperability with an independent Argon2id: Dovecot's {@code doveadm pw}, both directions. */
    @Test
    void hashesShouldInteroperateWithDovecot() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/doveadm")), "doveadm not installed");
        String ours = new PasswordHasher().hash("s3cret!");
        assertEquals(0, run("doveadm", "pw", "-t", "{ARGON2ID}" + ours, "-p", "s3cret!").exit(), "Dovecot verifies our hash");
        assertTrue(run("doveadm", "pw", "-t", "{ARGON2ID}" + ours, "-p", "wrong").exit() != 0, "Dovecot refuses a wrong password");
        Result theirs = run("doveadm", "pw", "-s", "ARGON2ID", "-p", "s3cret!");
        String phc = theirs.out().strip().replaceFirst("^\\{ARGON2ID}", "");
        assertTrue(new PasswordHasher().verify("s3cret!", phc), phc);
        assertFalse(new PasswordHasher().verify("s3cret?", phc));
    }

    record Result(int exit, String out) {
    }

    static Result run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Result(p.exitValue(), out);
    }
}
