package io.quire.mail.smtp.core;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of the session over generated input. */
class SmtpSessionProperties {

    private static final String ENVELOPE = "EHLO c.example\r\nMAIL FROM:<a@example.org>\r\nRCPT TO:<b@example.org>\r\n"
            + "DATA\r\n";

    @Provide
    Arbitrary<List<String>> messageLines() {
        Arbitrary<String> line = Arbitraries.strings().withCharRange((char) 0, (char) 255)
                .excludeChars('\r', '\n').ofMaxLength(120)
                .injectDuplicates(0.1)
                .edgeCases(e -> e.add(".").add("..").add(". ").add(""));
        return line.list().ofMaxSize(40);
    }

    /** Dot-stuffs and sends the lines, in random chunks; the stored body must be exactly the lines with CRLF. */
    @Property(tries = 300)
    void anyMessageShouldArriveByteForByteHoweverItIsChunked(@ForAll("messageLines") List<String> lines,
            @ForAll long seed) {
        var original = new StringBuilder();
        var wire = new StringBuilder(ENVELOPE);
        for (String line : lines) {
            original.append(line).append("\r\n");
            wire.append(line.startsWith(".") ? "." : "").append(line).append("\r\n");
        }
        wire.append(".\r\n");

        var driver = new SessionDriver(SessionDriver.smtp());
        for (byte[] chunk : Chunkings.random(wire.toString().getBytes(ISO_8859_1), new Random(seed))) {
            driver.feed(chunk);
        }

        assertEquals(1, driver.store.deliveries.size(), driver.output());
        byte[] shared = driver.store.deliveries.get(0).content().shared();
        byte[] body = Arrays.copyOfRange(shared, shared.length - original.length(), shared.length);
        assertArrayEquals(original.toString().getBytes(ISO_8859_1), body);
        assertTrue(new String(shared, 0, shared.length - body.length, ISO_8859_1).startsWith("Received: "));
    }

    /** Whatever arrives, the session answers only with well-formed reply lines and never throws. */
    @Property(tries = 500)
    void arbitraryBytesShouldOnlyEverProduceWellFormedReplies(@ForAll byte[] garbage, @ForAll boolean greetFirst,
            @ForAll boolean lmtp, @ForAll long seed) {
        var input = new ByteArrayOutputStream();
        if (greetFirst) {
            input.writeBytes((lmtp ? ENVELOPE.replace("EHLO", "LHLO") : ENVELOPE).getBytes(ISO_8859_1));
        }
        input.writeBytes(garbage);
        var config = lmtp ? SessionDriver.lmtp() : SessionDriver.smtp();
        var driver = new SessionDriver(config.withMaxMessageSize(64));
        for (byte[] chunk : Chunkings.random(input.toByteArray(), new Random(seed))) {
            driver.feed(chunk);
        }
        for (String line : driver.output().split("\r\n")) {
            assertTrue(line.matches("[2-5][0-9]{2}[ -].*"), line);
        }
    }
}
