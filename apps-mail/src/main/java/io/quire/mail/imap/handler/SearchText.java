package io.quire.mail.imap.handler;

import io.quire.mail.mime.BinaryContent;
import io.quire.mail.mime.HeaderField;
import io.quire.mail.mime.Headers;
import io.quire.mail.mime.HeaderText;
import io.quire.mail.mime.MimePart;
import io.quire.mail.mime.ParsedMessage;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;

/**
 * The text SEARCH compares against (RFC 9051 §6.4.4: case-insensitive substrings): header values with RFC 2047
 * encoded-words decoded, and text parts with their transfer encoding and charset removed.
 */
final class SearchText {
    private final ParsedMessage message;
    private String body;

    SearchText(ParsedMessage message) {
        this.message = message;
    }

    /** Whether a top-level header field {@code name} contains {@code value}; an empty value matches presence. */
    boolean header(String name, String value) {
        Headers h = message.root().headers();
        for (HeaderField f : h.fields()) {
            if (f.is(name) && (value.isEmpty() || contains(decode(f.value(h.message())), value))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the body text contains {@code value}. */
    boolean body(String value) {
        return contains(bodyText(), value);
    }

    /** Whether the header block or the body contains {@code value} (TEXT). */
    boolean text(String value) {
        Headers h = message.root().headers();
        for (HeaderField f : h.fields()) {
            if (contains(f.name() + ": " + decode(f.value(h.message())), value)) {
                return true;
            }
        }
        return body(value);
    }

    static boolean contains(String haystack, String needle) {
        return haystack.toLowerCase(Locale.ROOT).contains(needle.toLowerCase(Locale.ROOT));
    }

    private static String decode(String value) {
        return DecoderUtil.decodeEncodedWords(value, DecodeMonitor.SILENT);
    }

    private String bodyText() {
        if (body == null) {
            StringBuilder sb = new StringBuilder();
            MimePart root = message.root();
            if (root.isMultipart()) {
                collect(root, new ArrayList<>(), sb);
            } else {
                append(root, List.of(1), sb);
            }
            body = sb.toString();
        }
        return body;
    }

    private void collect(MimePart part, List<Integer> path, StringBuilder sb) {
        for (int i = 0; i < part.children().size(); i++) {
            List<Integer> child = new ArrayList<>(path);
            child.add(i + 1);
            MimePart c = part.children().get(i);
            if (c.isMultipart()) {
                collect(c, child, sb);
            } else {
                append(c, child, sb);
            }
        }
    }

    private void append(MimePart part, List<Integer> path, StringBuilder sb) {
        byte[] raw = message.octets();
        if (!part.type().isText()) {
            return;
        }
        if (message.binary(path) instanceof BinaryContent.Decoded d) {
            sb.append(new String(d.data(), charset(part.type().param("charset")))).append('\n');
        } else {
            sb.append(HeaderText.decode(raw, part.bodyStart(), part.end())).append('\n');
        }
    }

    private static Charset charset(String name) {
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return StandardCharsets.ISO_8859_1;
        }
    }
}
