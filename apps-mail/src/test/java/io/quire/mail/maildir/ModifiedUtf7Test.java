package io.quire.mail.maildir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ModifiedUtf7Test {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "INBOX|INBOX",
        "Entwürfe|Entw&APw-rfe",
        "Tëst|T&AOs-st",
        "日本語|&ZeVnLIqe-",
        // RFC 3501 §5.1.3's example
        "~peter/mail/日本語/台北|~peter/mail/&ZeVnLIqe-/&U,BTFw-",
        "Tom & Jerry|Tom &- Jerry",
        "😀|&2D3eAA-",
    })
    void namesShouldEncodeAsRfc3501Says(String name, String encoded) {
        assertEquals(encoded, ModifiedUtf7.encode(name));
        assertEquals(name, ModifiedUtf7.decode(encoded));
    }

    @ParameterizedTest
    @ValueSource(strings = {"&", "&ZeVnLIqe", "&AC4-", "&Jjo!-", "&AGE-", "caf\u00e9", "&2D0-"})
    void invalidEncodingsShouldBeRefused(String encoded) {
        assertThrows(IllegalArgumentException.class, () -> ModifiedUtf7.decode(encoded));
    }

    @Test
    void lenientDecodingShouldKeepWhatItCannotDecode() {
        assertEquals("v1&AC4-2", ModifiedUtf7.decodeLeniently("v1&AC4-2"));
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings().all().ofMaxLength(40).filter(s -> s.codePoints().allMatch(
                cp -> !Character.isSurrogate((char) cp) || cp > 0xFFFF));
    }

    @Property(tries = 500)
    void decodeShouldInvertEncode(@ForAll("names") String name) {
        String encoded = ModifiedUtf7.encode(name);
        assertEquals(name, ModifiedUtf7.decode(encoded));
        assertEquals(true, encoded.chars().allMatch(c -> c >= 0x20 && c <= 0x7e));
    }
}
