package io.quire.mail.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.sdk.Databases;
import io.quire.sdk.DocumentId;
import io.quire.sdk.Quire;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The users directory over a real embedded store, with the users' mail kept in memory. */
class UserDirectoryTest {
    @TempDir
    Path dir;
    Databases databases;
    UserDirectory directory;
    DirectoryMailStore store;
    UserMailFactory mail = MemoryUserMail.factory();

    @BeforeEach
    void open() {
        databases = Quire.embedded(dir, "t");
        directory = new UserDirectory(databases, new Addresses(List.of("example.org")), PasswordHasherTest.FAST, mail,
                Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC));
        store = new DirectoryMailStore(directory, databases, mail);
    }

    @AfterEach
    void close() {
        store.close();
        databases.close();
    }

    CreateUserOutcome create(String name, String password, String... aliases) {
        return directory.create(new UserDirectory.NewUser(name, password, List.of(aliases)));
    }

    @Test
    void aNodeWithoutUsersShouldHaveNoDirectoryYet() {
        assertEquals(List.of(), directory.list());
        assertEquals(Optional.empty(), store.resolveAddress("alice@example.org"));
        assertFalse(databases.list().contains(UsersSchema.DATABASE));
    }

    @Test
    void createShouldStoreTheUserWithAHashAndItsMailbox() {
        var created = assertInstanceOf(CreateUserOutcome.Created.class, create("Alice@Example.org", "pw", "Al@example.org"));
        assertEquals("alice@example.org", created.user().name());
        var doc = databases.require(UsersSchema.DATABASE).get(DocumentId.of("user", "alice@example.org")).orElseThrow();
        assertTrue(doc.data().path("passwordHash").asText().startsWith("$argon2id$"));
        assertFalse(doc.toString().contains("\"pw\""), "the password itself is never stored");
        assertEquals("2026-01-02T03:04:05Z", doc.data().path("createdAt").asText());
        assertEquals(List.of("al@example.org"), directory.list().get(0).aliases().stream().toList());
        assertTrue(mail.open(databases, "alice@example.org").isPresent(), "the mail database is created with the user");
        assertEquals("INBOX", store.user("ALICE@example.org").orElseThrow().mailboxes().get(0).name());
    }

    @Test
    void duplicatesAndTakenAliasesShouldBeRefused() {
        create("alice@example.org", "pw", "al@example.org");
        assertInstanceOf(CreateUserOutcome.Taken.class, create("ALICE@example.org", "other"));
        var t = assertInstanceOf(CreateUserOutcome.Taken.class, create("bob@example.org", "pw", "al@example.org"));
        assertTrue(t.detail().contains("alias of alice@example.org"), t.detail());
        assertInstanceOf(CreateUserOutcome.Taken.class, create("al@example.org", "pw"));
        assertEquals(1, directory.list().size());
    }

    @Test
    void badNamesDomainsAndPasswordsShouldBeInvalid() {
        assertInstanceOf(CreateUserOutcome.Invalid.class, create("alice@example.com", "pw"));
        assertInstanceOf(CreateUserOutcome.Invalid.class, create("alice", "pw"));
        assertInstanceOf(CreateUserOutcome.Invalid.class, create("alice@example.org", ""));
        assertInstanceOf(CreateUserOutcome.Invalid.class, create("alice@example.org", "   "));
        assertInstanceOf(CreateUserOutcome.Invalid.class, create("alice@example.org", null));
        assertInstanceOf(CreateUserOutcome.Invalid.class, create("alice@example.org", "pw", "al@elsewhere.net"));
        assertEquals(List.of(), directory.list());
    }

    @Test
    void resolveShouldFindUsersAliasesAndSubaddresses() {
        create("alice@example.org", "pw", "al@example.org", "postmaster@example.org");
        assertEquals(Optional.of("alice@example.org"), store.resolveAddress("<ALICE@example.org>"));
        assertEquals(Optional.of("alice@example.org"), store.resolveAddress("Al@Example.org"));
        assertEquals(Optional.of("alice@example.org"), store.resolveAddress("alice+news@example.org"));
        assertEquals(Optional.of("alice@example.org"), store.resolveAddress("postmaster"));
        assertEquals(Optional.empty(), store.resolveAddress("bob@example.org"));
        assertEquals(Optional.empty(), store.resolveAddress("alice@example.com"));
        assertEquals(Optional.empty(), store.resolveAddress("not an address"));
    }

    @Test
    void authenticateShouldAcceptOnlyTheRightPassword() {
        create("alice@example.org", "correct horse");
        assertEquals(Optional.of("alice@example.org"), store.authenticate("Alice@example.org", "correct horse"));
        assertEquals(Optional.empty(), store.authenticate("alice@example.org", "wrong"));
        assertEquals(Optional.empty(), store.authenticate("nobody@example.org", "correct horse"));
        assertEquals(Optional.empty(), store.authenticate("al@example.org", "correct horse"));
        assertEquals(Optional.empty(), store.authenticate("alice@example.org", null));
    }

    @Test
    void unknownUsersShouldHaveNoMail() {
        assertEquals(Optional.empty(), store.user("nobody@example.org"));
        assertEquals(Optional.empty(), store.user("../etc"));
    }
}
