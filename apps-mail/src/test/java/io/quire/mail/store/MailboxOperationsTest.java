package io.quire.mail.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.mail.store.MailStoreException.Kind;
import io.quire.server.store.GitDatabases;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** CREATE, DELETE, RENAME and SUBSCRIBE of {@link DatabaseUserMail} (RFC 3501 §6.3.3–6.3.6). */
class MailboxOperationsTest {
    Path dir;
    GitDatabases node;
    DatabaseUserMail mail;

    @BeforeEach
    void open() {
        dir = TempDirs.create("quire-mailbox");
        node = new GitDatabases(dir, "a");
        mail = MailSchema.create(node, "Bob@Example.org");
    }

    @AfterEach
    void close() {
        mail.close();
        node.close();
        TempDirs.delete(dir);
    }

    private List<String> names() {
        return mail.mailboxes().stream().map(MailboxInfo::name).toList();
    }

    private static byte[] msg(String s) {
        return ("Subject: " + s + "\r\n\r\n" + s + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void theDatabaseIsNamedAfterTheLowerCasedUser() {
        assertEquals("mail.bob@example.org", mail.database().name());
        assertEquals(mail, MailSchema.open(node, "bob@example.org").orElseThrow(), "one shared instance per database");
    }

    @Test
    void createMakesMissingSuperiorsAndRefusesAnExistingName() {
        MailboxInfo info = mail.create("Work/2026/Q1", Optional.empty());
        assertEquals("Work/2026/Q1", info.name());
        assertEquals(1, info.uidNext());
        assertTrue(names().containsAll(List.of("Work", "Work/2026", "Work/2026/Q1")));
        assertEquals(Kind.ALREADY_EXISTS, assertThrows(MailStoreException.class, () -> mail.create("Work", Optional.empty())).kind());
    }

    @Test
    void aTrailingDelimiterOnCreateOnlyDeclaresInferiors() {
        mail.create("Lists/", Optional.empty());
        assertTrue(mail.mailbox("Lists").isPresent());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a//b", "/a", "a/b/", "a..b", "..", "a\u0000b", "a\rb", "a\nb", "50%", "any*", "x/%"})
    void invalidNamesAreRefused(String name) {
        assertEquals(Kind.INVALID_NAME, assertThrows(MailStoreException.class, () -> mail.subscribe(name, true)).kind());
        assertEquals(Kind.INVALID_NAME, assertThrows(MailStoreException.class, () -> mail.create(name + "/", Optional.empty())).kind());
    }

    @Test
    void inboxIsCaseInsensitiveAndAlwaysExists() {
        assertTrue(mail.mailbox("iNbOx").isPresent());
        assertEquals(Kind.ALREADY_EXISTS, assertThrows(MailStoreException.class, () -> mail.create("inbox", Optional.empty())).kind());
        mail.create("inbox/Sub", Optional.empty());
        assertTrue(names().contains("INBOX/Sub"));
    }

    @Test
    void specialUseIsKeptWhenKnownAndRefusedOtherwise() {
        assertEquals(Optional.of("\\Flagged"), mail.create("Starred", Optional.of("\\flagged")).specialUse());
        assertEquals(Kind.NOT_ALLOWED, assertThrows(MailStoreException.class, () -> mail.create("X", Optional.of("\\Bogus"))).kind());
    }

    @Test
    void deleteRemovesTheMailboxAndItsMessagesButNotItsInferiors() {
        mail.create("P/Q", Optional.empty());
        mail.append("P", msg("m"), Set.of(), Instant.now());
        mail.delete("P");
        assertTrue(mail.mailbox("P").isEmpty());
        assertTrue(mail.mailbox("P/Q").isPresent());
        assertTrue(mail.view().messages().isEmpty(), "the messages are gone with it");
        assertEquals(Kind.NO_SUCH_MAILBOX, assertThrows(MailStoreException.class, () -> mail.delete("P")).kind());
    }

    @Test
    void inboxCannotBeDeleted() {
        assertEquals(Kind.NOT_ALLOWED, assertThrows(MailStoreException.class, () -> mail.delete("INBOX")).kind());
    }

    @Test
    void renameKeepsIdsAndUidValidityAndRenamesInferiors() {
        MailboxInfo before = mail.create("Old/Child", Optional.empty());
        mail.append("Old/Child", msg("m"), Set.of(), Instant.now());
        String parentId = mail.mailbox("Old").orElseThrow().id();
        mail.rename("Old", "New/Name");
        assertTrue(mail.mailbox("Old").isEmpty() && mail.mailbox("Old/Child").isEmpty());
        MailboxInfo after = mail.mailbox("New/Name/Child").orElseThrow();
        assertEquals(before.id(), after.id());
        assertEquals(before.uidValidity(), after.uidValidity());
        assertEquals(parentId, mail.mailbox("New/Name").orElseThrow().id());
        assertTrue(mail.mailbox("New").isPresent(), "the missing superior is created");
        assertEquals(1, mail.snapshot("New/Name/Child").messages().size(), "messages refer to the id: nothing moved");
    }

    @Test
    void renameOntoAnExistingNameOrUnderItselfIsRefused() {
        mail.create("A", Optional.empty());
        mail.create("B", Optional.empty());
        assertEquals(Kind.ALREADY_EXISTS, assertThrows(MailStoreException.class, () -> mail.rename("A", "B")).kind());
        assertEquals(Kind.NOT_ALLOWED, assertThrows(MailStoreException.class, () -> mail.rename("A", "A/B")).kind());
        assertEquals(Kind.NO_SUCH_MAILBOX, assertThrows(MailStoreException.class, () -> mail.rename("Nope", "C")).kind());
    }

    @Test
    void renamingInboxMovesItsMessagesToANewMailboxAndLeavesInboxEmpty() {
        mail.append("INBOX", msg("1"), Set.of("\\Seen"), Instant.now());
        mail.append("INBOX", msg("2"), Set.of(), Instant.now());
        MailboxSnapshot inbox = mail.snapshot("INBOX");
        mail.create("INBOX/Kid", Optional.empty());
        mail.rename("INBOX", "Old Mail");
        MailboxSnapshot moved = mail.snapshot("Old Mail");
        assertEquals(inbox.messages().stream().map(MessageEntry::id).toList(), moved.messages().stream().map(MessageEntry::id).toList());
        assertEquals(List.of(1L, 2L), moved.messages().stream().map(MessageEntry::uid).toList());
        assertEquals(Set.of("\\Seen"), moved.messages().get(0).flags());
        MailboxSnapshot after = mail.snapshot("INBOX");
        assertTrue(after.messages().isEmpty());
        assertEquals(inbox.mailbox().uidValidity(), after.mailbox().uidValidity(), "INBOX itself stays");
        assertEquals(List.of(1L, 2L), mail.vanishedSince("INBOX", inbox.mailbox().highestModseq()));
        assertTrue(mail.mailbox("INBOX/Kid").isPresent(), "inferiors of INBOX are not renamed");
    }

    @Test
    void subscriptionIsRemembered() {
        mail.create("News", Optional.empty());
        assertEquals(false, mail.mailbox("News").orElseThrow().subscribed());
        mail.subscribe("News", true);
        assertEquals(true, mail.mailbox("News").orElseThrow().subscribed());
        assertEquals(true, mail.mailbox("INBOX").orElseThrow().subscribed(), "default mailboxes start subscribed");
    }

    @Test
    void aNameCreatedAgainGetsANewUidValidity() {
        long first = mail.create("Tmp", Optional.empty()).uidValidity();
        mail.delete("Tmp");
        long second = mail.create("Tmp", Optional.empty()).uidValidity();
        assertNotEquals(first, second);
        assertTrue(second > first);
    }
}
