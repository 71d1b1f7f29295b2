package io.quire.mail.mime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quire.mail.imap.ImapValueReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every message of the real corpus (about 4,800: mail-gem, MimeKit, all SpamAssassin mboxes), with its LF
 * line ends and converted to CRLF: parsing, ENVELOPE, BODYSTRUCTURE, BODY, every section and BINARY never
 * throw, the output is grammatical, and every size BODYSTRUCTURE reports is the length BODY[n] returns.
 */
class CorpusTest {
    private static List<Corpus.Message> messages;

    @BeforeAll
    static void load() {
        assumeTrue(Corpus.root() != null, "corpus not available");
        messages = Corpus.all();
    }

    @Test
    void theWholeCorpusIsLoaded() {
        assertEquals(true, messages.size() > 4700, "messages: " + messages.size());
    }

    @Test
    void everyMessageYieldsGrammaticalConsistentFetchData() {
        List<String> failures = new ArrayList<>();
        for (Corpus.Message m : messages) {
            for (byte[] octets : List.of(m.bytes(), Corpus.crlf(m.bytes()))) {
                try {
                    check(ParsedMessage.parse(octets));
                } catch (RuntimeException | AssertionError e) {
                    failures.add(m.name() + ": " + e);
                }
            }
        }
        assertEquals(List.of(), failures.subList(0, Math.min(20, failures.size())), failures.size() + " failures");
    }

    static void check(ParsedMessage m) {
        BodyGrammar.envelope(ImapValueReader.read(Render.envelopeBytes(m.envelope())));
        BodyStructure structure = m.bodyStructure();
        BodyGrammar.body(ImapValueReader.read(Render.bodyStructureBytes(structure, true)), true);
        BodyGrammar.body(ImapValueReader.read(Render.bodyStructureBytes(structure, false)), false);
        m.summary();
        for (String text : List.of("", "HEADER", "TEXT")) {
            m.section(new Section(List.of(), text.isEmpty() ? Optional.empty()
                    : Optional.of(text.equals("HEADER") ? Section.Text.HEADER : Section.Text.TEXT)));
        }
        m.section(Section.of(new Section.Text.HeaderFields(List.of("From", "Subject"), false)));
        m.section(Section.of(new Section.Text.HeaderFields(List.of("Received"), true)));
        if (structure instanceof BodyStructure.Multipart) {
            walk(m, structure, new ArrayList<>());
        } else {
            walk(m, structure, new ArrayList<>(List.of(1)));
        }
    }

    /** Visits every numbered part, checking size and line counts against BODY[n]. */
    private static void walk(ParsedMessage m, BodyStructure s, List<Integer> path) {
        if (s instanceof BodyStructure.Multipart mp) {
            for (int i = 0; i < mp.parts().size(); i++) {
                List<Integer> child = new ArrayList<>(path);
                child.add(i + 1);
                walk(m, mp.parts().get(i), child);
            }
            return;
        }
        byte[] body = m.section(new Section(path, Optional.empty())).orElseThrow(() -> new AssertionError("no part " + path));
        BodyStructure.Fields fields = switch (s) {
            case BodyStructure.Basic b -> b.fields();
            case BodyStructure.Text t -> t.fields();
            case BodyStructure.Message msg -> msg.fields();
            case BodyStructure.Multipart mp -> throw new IllegalStateException();
        };
        if (fields.size() != body.length) {
            throw new AssertionError("part " + path + " size " + fields.size() + " but BODY[] gives " + body.length);
        }
        long lines = switch (s) {
            case BodyStructure.Text t -> t.lines();
            case BodyStructure.Message msg -> msg.lines();
            default -> -1;
        };
        if (lines >= 0 && lines != countLines(body)) {
            throw new AssertionError("part " + path + " lines " + lines + " but BODY[] has " + countLines(body));
        }
        m.section(new Section(path, Optional.of(Section.Text.MIME))).orElseThrow(() -> new AssertionError("no MIME " + path));
        m.binary(path);
        if (s instanceof BodyStructure.Message msg) {
            m.section(new Section(path, Optional.of(Section.Text.HEADER))).orElseThrow();
            byte[] text = m.section(new Section(path, Optional.of(Section.Text.TEXT))).orElseThrow();
            if (msg.body() instanceof BodyStructure.Multipart) {
                walk(m, msg.body(), path);
            } else {
                List<Integer> one = new ArrayList<>(path);
                one.add(1);
                byte[] inner = m.section(new Section(one, Optional.empty())).orElseThrow();
                assertEquals(text.length, inner.length, "part " + one + " is the body of message " + path);
            }
        }
    }

    private static long countLines(byte[] b) {
        long n = 0;
        for (byte c : b) {
            if (c == '\n') {
                n++;
            }
        }
        return b.length > 0 && b[b.length - 1] != '\n' ? n + 1 : n;
    }
}
