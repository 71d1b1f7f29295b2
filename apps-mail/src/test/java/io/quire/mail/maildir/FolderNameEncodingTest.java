package io.quire.mail.maildir;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Maildir++ folder directory names in modified UTF-7, through the one codec the mail app has (the
 * IMAP codec's, {@code io.quire.mail.imap.protocol.ModifiedUtf7}, whose own tests cover the grammar):
 * what Dovecot writes reads back, and a level that is not canonical modified UTF-7 keeps its raw name.
 */
class FolderNameEncodingTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Entwürfe|.Entw&APw-rfe",
        "Archiv/Entwürfe|.Archiv.Entw&APw-rfe",
        "Tëst|.T&AOs-st",
        "日本語/Tom & Jerry|.&ZeVnLIqe-.Tom &- Jerry",
        // RFC 3501 §5.1.3's example, one level per '/'
        "~peter/mail/日本語/台北|.~peter.mail.&ZeVnLIqe-.&U,BTFw-",
        "😀|.&2D3eAA-",
    })
    void foldersShouldBeNamedAsDovecotNamesThem(String folder, String directory) {
        assertEquals(directory, MaildirPlusPlus.directory(folder));
        assertEquals(Optional.of(folder), MaildirPlusPlus.folderName(directory));
    }

    @ParameterizedTest
    @ValueSource(strings = {"&", "&ZeVnLIqe", "v1&AC4-2", "&Jjo!-", "&AGE-", "&2D0-", "&U,BTFw-&ZeVnLIqe-"})
    void aLevelThatIsNotCanonicalModifiedUtf7ShouldKeepItsRawName(String level) {
        assertEquals(level, MaildirPlusPlus.decodeLeniently(level));
        assertEquals(Optional.of(level), MaildirPlusPlus.folderName("." + level));
    }
}
