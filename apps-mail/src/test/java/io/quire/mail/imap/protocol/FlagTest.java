package io.quire.mail.imap.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FlagTest {

    @Test
    void systemFlagsAreCanonicalisedIgnoringCase() {
        assertSame(Flag.SEEN, Flag.parse("\\SEEN"));
        assertSame(Flag.DELETED, Flag.parse("\\deleted"));
        assertTrue(Flag.SEEN.isSystem());
    }

    @Test
    void recentIsFetchableButNotStorable() {
        assertSame(Flag.RECENT, Flag.parse("\\Recent"));
        assertFalse(Flag.RECENT.isStorable());
        assertThrows(ProtocolException.class, () -> Flag.parseStorable("\\Recent"));
    }

    @Test
    void keywordsKeepTheirSpellingAndAreStorable() {
        Flag junk = Flag.parseStorable("$Junk");
        assertEquals("$Junk", junk.name());
        assertTrue(junk.isKeyword());
        assertEquals("$JUNK", junk.key());
    }

    @Test
    void unknownBackslashFlagsAreExtensionsThatCannotBeStored() {
        Flag ext = Flag.parse("\\Important");
        assertFalse(ext.isKeyword());
        assertFalse(ext.isStorable());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\\", "a b", "a]", "a%", "a*", "a\"", "a(", "\\\\Seen", "caf\u00e9", "\\*"})
    void refusesTextOutsideTheAtomGrammar(String text) {
        assertThrows(ProtocolException.class, () -> Flag.parse(text));
    }
}
