package io.quire.mail.imap.server;

import static io.quire.mail.imap.server.RawImap.expectOk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.mail.app.MailNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real node saves each user's mailbox index under its local state when it stops, and serves the same mailbox
 * state over IMAP after a restart, whether it starts from that file or (the file damaged) from a listing.
 */
class IndexRestartIT {
    @TempDir
    Path dir;

    private static List<String> state(MailNode node) throws Exception {
        try (RawImap imap = new RawImap(node.imap).login("alice@example.org", "alice-pw")) {
            List<String> select = expectOk(imap.command("EXAMINE INBOX"));
            List<String> fetch = expectOk(imap.command("UID FETCH 1:* (FLAGS RFC822.SIZE MODSEQ INTERNALDATE)"));
            return List.of(select.toString(), fetch.toString());
        }
    }

    @Test
    void aRestartedNodeServesTheSameMailboxFromItsSavedIndexOrWithoutIt() throws Exception {
        MailNode node = MailNode.start(dir);
        try {
            assertEquals(201, node.createUser("alice@example.org", "alice-pw").statusCode());
            try (RawImap imap = new RawImap(node.imap).login("alice@example.org", "alice-pw")) {
                for (int i = 0; i < 12; i++) {
                    String message = "Subject: m" + i + "\r\n\r\nbody\r\n";
                    expectOk(imap.command("APPEND INBOX {" + message.length() + "+}\r\n" + message));
                }
                expectOk(imap.command("SELECT INBOX"));
                expectOk(imap.command("STORE 2:4 +FLAGS (\\Seen $Work)"));
                expectOk(imap.command("STORE 5 +FLAGS (\\Deleted)"));
                expectOk(imap.command("EXPUNGE"));
            }
            List<String> before = state(node);
            node.stop();
            Path saved = node.dataDir.resolve("apps/mail/mail-index/mail.alice%40example.org.index");
            assertTrue(Files.isRegularFile(saved), "the index is saved when the node stops");

            node.start();
            assertEquals(before, state(node), "from the saved index");
            node.stop();

            byte[] bytes = Files.readAllBytes(saved);
            bytes[bytes.length / 3] ^= 0x7f;
            Files.write(saved, bytes);
            node.start();
            assertEquals(before, state(node), "from a listing, the damaged file ignored");
        } finally {
            node.close();
        }
    }
}
