package io.quire.mail.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AddressesTest {
    final Addresses addresses = new Addresses(List.of("Example.org", "example.net"));

    @Test
    void normalizeShouldLowerCaseAndStripBrackets() {
        assertEquals("alice@example.org", Addresses.normalize("  <Alice@EXAMPLE.org> "));
    }

    @Test
    void namesInConfiguredDomainsShouldBeAccepted() {
        for (String ok : List.of("alice@example.org", "a.b-c_d+e@example.net", "x@example.org"))
            assertTrue(addresses.problem(ok).isEmpty(), ok);
    }

    @Test
    void badNamesShouldBeRefusedWithAReason() {
        assertTrue(addresses.problem("alice@example.com").orElseThrow().contains("not in a domain"));
        assertTrue(addresses.problem("alice").orElseThrow().contains("local@domain"));
        assertTrue(addresses.problem("a..b@example.org").orElseThrow().contains("local@domain"));
        assertTrue(addresses.problem(".a@example.org").isPresent());
        assertTrue(addresses.problem("a b@example.org").isPresent());
        assertTrue(addresses.problem("\"quoted\"@example.org").isPresent());
        assertTrue(addresses.problem("").orElseThrow().contains("required"));
        assertTrue(addresses.problem("a".repeat(120) + "@example.org").orElseThrow().contains("longer"));
    }

    @Test
    void candidatesShouldTrySubaddressAndPostmaster() {
        assertEquals(List.of("alice+lists@example.org", "alice@example.org"), addresses.candidates("<Alice+Lists@example.org>"));
        assertEquals(List.of("postmaster@example.org"), addresses.candidates("Postmaster"));
        assertEquals(List.of("bob@example.org"), addresses.candidates("bob@example.org"));
    }

    @Test
    void isLocalShouldFollowTheDomains() {
        assertTrue(addresses.isLocal("a@example.org"));
        assertFalse(addresses.isLocal("a@example.com"));
        assertFalse(addresses.isLocal("postmaster"));
    }
}
