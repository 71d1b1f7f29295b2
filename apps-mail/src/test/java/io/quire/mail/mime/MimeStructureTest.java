package io.quire.mail.mime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.james.mime4j.parser.AbstractContentHandler;
import org.apache.james.mime4j.parser.MimeStreamParser;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.MimeConfig;
import org.junit.jupiter.api.Test;

/**
 * Cross-checks {@link MimeParser}'s structure against mime4j's permissive {@link MimeStreamParser} on the
 * corpus: the same leaf parts, with the same content types, in the same order.
 */
class MimeStructureTest {

    private static List<String> mime4jLeaves(byte[] message) throws Exception {
        List<String> leaves = new ArrayList<>();
        MimeStreamParser parser = new MimeStreamParser(MimeConfig.PERMISSIVE);
        parser.setRecurse();
        parser.setContentHandler(new AbstractContentHandler() {
            @Override
            public void body(BodyDescriptor bd, InputStream is) {
                leaves.add(bd.getMimeType().toLowerCase(Locale.ROOT));
            }
        });
        parser.parse(new ByteArrayInputStream(message));
        return leaves;
    }

    /**
     * Our leaves, without the multiparts in which no body part was found: mime4j reports no part for those,
     * while we show them as a text/plain leaf because a multipart needs at least one part (RFC 2046 §5.1.1).
     */
    private static void ourLeaves(MimePart part, List<String> out) {
        boolean declaredMultipart = part.headers().text("Content-Type").orElse("").trim().toLowerCase(Locale.ROOT)
                .startsWith("multipart/");
        if (declaredMultipart && !part.type().isMultipart()) {
            return;
        }
        if (part.isMultipart()) {
            part.children().forEach(c -> ourLeaves(c, out));
        } else if (part.message().isPresent()) {
            ourLeaves(part.message().get(), out);
        } else {
            out.add(part.type().type() + "/" + part.type().subtype());
        }
    }

    @Test
    void leafPartsAgreeWithMime4jOnTheCorpus() throws Exception {
        assumeTrue(Corpus.root() != null, "corpus not available");
        List<String> differences = new ArrayList<>();
        int compared = 0;
        for (Corpus.Message m : Corpus.all()) {
            byte[] octets = Corpus.crlf(m.bytes());
            List<String> ours = new ArrayList<>();
            ourLeaves(MimeParser.parse(octets), ours);
            List<String> theirs = mime4jLeaves(octets);
            compared++;
            if (!ours.equals(theirs)) {
                differences.add(m.name() + ": ours " + ours + " mime4j " + theirs);
            }
        }
        differences.forEach(System.out::println);
        assertEquals(true, compared > 4700);
        assertEquals(List.of(), differences);
    }
}
