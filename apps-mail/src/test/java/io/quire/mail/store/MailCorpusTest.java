package io.quire.mail.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.mail.maildir.ImportResult;
import io.quire.mail.maildir.ImportedMessage;
import io.quire.mail.mbox.MboxReader;
import io.quire.server.store.GitDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Delivers the whole shared corpus (MimeKit's messages and the mail gem's fixtures, read with the
 * mbox reader) one APPEND at a time, and reads every body back byte for byte, also after the index
 * is rebuilt from Git.
 */
class MailCorpusTest {
    static final List<Path> CORPUS = List.of(Path.of("/work/shared/corpus/mimekit/mimekit-messages.mbox"),
            Path.of("/work/shared/corpus/mail-gem/mail-gem-fixtures.mbox"));

    @Test
    void everyCorpusMessageIsStoredAndReadBackByteForByte() throws Exception {
        Path dir = TempDirs.create("quire-corpus");
        try (GitDatabases node = new GitDatabases(dir, "a")) {
            DatabaseUserMail mail = MailSchema.create(node, "corpus@example.org");
            List<ImportedMessage> sent = new ArrayList<>();
            List<Long> uids = new ArrayList<>();
            for (Path mbox : CORPUS) {
                assertTrue(Files.isReadable(mbox), "corpus file " + mbox);
                try (MboxReader r = MboxReader.open(mbox, "INBOX", MboxReader.Options.defaults())) {
                    while (r.hasNext()) {
                        if (!(r.next() instanceof ImportResult.Imported(ImportedMessage m))) continue;
                        sent.add(m);
                        uids.add(mail.append("INBOX", m.raw(), m.flags(), m.internalDate()).uid());
                    }
                }
            }
            assertTrue(sent.size() >= 140, "the corpus holds about 144 messages: " + sent.size());
            check(mail, sent, uids);
            mail.close();
            DatabaseUserMail rebuilt = new DatabaseUserMail(node.get(MailSchema.databaseName("corpus@example.org")), "corpus@example.org");
            try {
                check(rebuilt, sent, uids);
            } finally {
                rebuilt.close();
            }
        } finally {
            TempDirs.delete(dir);
        }
    }

    private static void check(DatabaseUserMail mail, List<ImportedMessage> sent, List<Long> uids) {
        MailboxSnapshot s = mail.snapshot("INBOX");
        assertEquals(sent.size(), s.messages().size());
        for (int i = 0; i < sent.size(); i++) {
            ImportedMessage m = sent.get(i);
            MessageEntry e = s.byUid(uids.get(i)).orElseThrow();
            assertArrayEquals(m.raw(), mail.body(e), "message " + i + " reads back byte for byte");
            assertEquals(m.raw().length, e.size());
            assertEquals(m.internalDate(), e.internalDate());
            Set<String> expected = new java.util.TreeSet<>(m.flags());
            expected.remove("\\Recent");
            assertEquals(expected, e.flags());
        }
    }
}
