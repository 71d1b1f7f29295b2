package io.quire.mail.imap.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ModifiedUtf7Properties {

    /** Arbitrary Unicode text: any code point, supplementary planes included, never a lone surrogate. */
    @Provide
    Arbitrary<String> unicode() {
        Arbitrary<Integer> codePoint = Arbitraries.oneOf(
                Arbitraries.integers().between(0x20, 0x7e),
                Arbitraries.integers().between(0, 0xd7ff),
                Arbitraries.integers().between(0xe000, 0x10ffff));
        return codePoint.list().ofMaxSize(40).map(cps -> {
            StringBuilder sb = new StringBuilder();
            cps.forEach(sb::appendCodePoint);
            return sb.toString();
        });
    }

    @Property(tries = 1000)
    void decodingTheEncodingGivesTheOriginal(@ForAll("unicode") String text) {
        assertEquals(text, ModifiedUtf7.decode(ModifiedUtf7.encode(text)));
    }

    @Property(tries = 1000)
    void theEncodingIsPrintableAscii(@ForAll("unicode") String text) {
        String wire = ModifiedUtf7.encode(text);
        assertTrue(wire.chars().allMatch(c -> c >= 0x20 && c <= 0x7e), wire);
    }

    @Property(tries = 1000)
    void mailboxNamesRoundTripThroughBothWireForms(@ForAll("unicode") String text) {
        String name = "x" + text.replaceAll("[\\x00-\\x1f\\x7f/]", "_");
        if (name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MailboxName.MAX_BYTES
                || name.equals("x.") || name.equals("x..")) {
            return;
        }
        MailboxName mailbox = new MailboxName(name);
        assertEquals(mailbox, MailboxName.fromWire(mailbox.toWire(false), false));
        assertEquals(mailbox, MailboxName.fromWire(mailbox.toWire(true), true));
    }
}
