package io.quire.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RevisionTest {
    @Test
    void fortyLowerCaseHexDigitsAreARevision() {
        assertEquals("\"0123456789abcdef0123456789abcdef01234567\"", new Revision("0123456789abcdef0123456789abcdef01234567").etag());
    }

    @Test
    void anythingElseIsRefusedWithAClearError() {
        for (String bad : new String[]{null, "", "a".repeat(39), "a".repeat(41), "A".repeat(40), "g".repeat(40), "a".repeat(39) + " "}) {
            QuireException.InvalidRequest e = assertThrows(QuireException.InvalidRequest.class, () -> new Revision(bad));
            assertEquals(true, e.getMessage().contains("expected 40 hex digits"), e.getMessage());
        }
    }
}
