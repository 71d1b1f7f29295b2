package io.quire.mail.imap.parse;

import java.util.Arrays;
import java.util.Optional;

/**
 * {@code AUTHENTICATE mechanism [initial-response]} (RFC 9051 §6.2.2, SASL-IR RFC 4959).
 *
 * @param mechanism       the SASL mechanism name, upper-cased
 * @param initialResponse the decoded initial response; present and empty for {@code =}
 */
public record Authenticate(String mechanism, Optional<byte[]> initialResponse) implements Command {
    @Override
    public boolean equals(Object o) {
        return o instanceof Authenticate a && a.mechanism.equals(mechanism)
                && a.initialResponse.isPresent() == initialResponse.isPresent()
                && (initialResponse.isEmpty() || Arrays.equals(a.initialResponse.get(), initialResponse.get()));
    }

    @Override
    public int hashCode() {
        return mechanism.hashCode() * 31 + initialResponse.map(Arrays::hashCode).orElse(0);
    }

    @Override
    public String toString() {
        return "Authenticate[" + mechanism + (initialResponse.isPresent() ? ", ***" : "") + "]";
    }
}
