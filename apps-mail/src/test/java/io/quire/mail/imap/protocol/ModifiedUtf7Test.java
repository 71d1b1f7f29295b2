package io.quire.mail.imap.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ModifiedUtf7Test {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // RFC 3501 §5.1.3's example, and neighbours.
        "~peter/mail/台北/日本語|~peter/mail/&U,BTFw-/&ZeVnLIqe-",
        "Entwürfe|Entw&APw-rfe",
        "A&B|A&-B",
        "&|&-",
        "Gesendete Objekte|Gesendete Objekte",
        "😀|&2D3eAA-",
        "Ünïcödé|&ANw-n&AO8-c&APY-d&AOk-",
    })
    void encodesAndDecodesTheRfcExamples(String unicode, String wire) {
        assertEquals(wire, ModifiedUtf7.encode(unicode));
        assertEquals(unicode, ModifiedUtf7.decode(wire));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "&",            // unterminated shift
        "&U,BTFw",      // unterminated shift
        "&AGE-",        // encodes the printable 'a'
        "&U,BTFw-&ZeVnLIqe-", // two adjacent shifts instead of one
        "&U,BTF-",      // non-zero padding bits
        "&2D3-",        // lone high surrogate
        "&3gA-",        // lone low surrogate
        "&U/BTFw-",     // '/' instead of ','
        "&U,BTFw=-",    // padding
        "a\tb",         // control character
        "caf\u00e9",    // 8-bit
    })
    void refusesAnythingButTheCanonicalEncoding(String wire) {
        assertThrows(ProtocolException.class, () -> ModifiedUtf7.decode(wire));
    }
}
