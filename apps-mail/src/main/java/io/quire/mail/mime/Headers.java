package io.quire.mail.mime;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The header block of a message or body part, located in the message octets.
 *
 * <p>The block runs from {@link #start()} to the first empty line; {@link #blankLine()} is where that line
 * starts and {@link #bodyStart()} where the body starts after it. Without an empty line the whole entity is
 * header, and both equal its end (RFC 9051 §6.4.5: then no blank line is returned with the header). Lines
 * may end in CRLF or a bare LF; lines without a colon are kept as nameless fields rather than ending the
 * header, as mime4j's default configuration does.
 *
 * @param message   the message octets (shared, never modified)
 * @param start     offset of the block
 * @param blankLine offset of the empty line, or the entity's end
 * @param bodyStart offset just after the empty line, or the entity's end
 * @param fields    the fields in order
 */
public record Headers(byte[] message, int start, int blankLine, int bodyStart, List<HeaderField> fields) {
    /** Copies the fields. */
    public Headers {
        fields = List.copyOf(fields);
    }

    /** Locates the header block of the entity {@code [start, end)}. */
    public static Headers parse(byte[] b, int start, int end) {
        List<HeaderField> fields = new ArrayList<>();
        int pos = start;
        String name = null;
        int fieldStart = -1;
        int valueStart = -1;
        while (pos < end) {
            int next = lineEnd(b, pos, end);
            boolean empty = b[pos] == '\n' || (b[pos] == '\r' && pos + 1 < end && b[pos + 1] == '\n');
            if (empty) {
                if (name != null) {
                    fields.add(new HeaderField(name, fieldStart, valueStart, pos));
                }
                return new Headers(b, start, pos, next, fields);
            }
            if (name != null && HeaderText.isBlank(b[pos])) {
                pos = next;
                continue;
            }
            if (name != null) {
                fields.add(new HeaderField(name, fieldStart, valueStart, pos));
            }
            fieldStart = pos;
            int colon = fieldName(b, pos, next);
            if (colon < 0) {
                name = "";
                valueStart = pos;
            } else {
                int nameEnd = colon;
                while (nameEnd > pos && HeaderText.isBlank(b[nameEnd - 1])) {
                    nameEnd--;
                }
                name = new String(b, pos, nameEnd - pos, java.nio.charset.StandardCharsets.ISO_8859_1);
                valueStart = colon + 1;
            }
            pos = next;
        }
        if (name != null) {
            fields.add(new HeaderField(name, fieldStart, valueStart, end));
        }
        return new Headers(b, start, end, end, fields);
    }

    /** Offset just after the line starting at {@code pos} (after its LF, or {@code end}). */
    static int lineEnd(byte[] b, int pos, int end) {
        for (int i = pos; i < end; i++) {
            if (b[i] == '\n') {
                return i + 1;
            }
        }
        return end;
    }

    /** The colon ending a valid field name (RFC 5322 ftext, then optional obs blanks), or -1. */
    private static int fieldName(byte[] b, int pos, int lineEnd) {
        int i = pos;
        while (i < lineEnd && b[i] > 0x20 && b[i] < 0x7f && b[i] != ':') {
            i++;
        }
        if (i == pos) {
            return -1;
        }
        while (i < lineEnd && HeaderText.isBlank(b[i])) {
            i++;
        }
        return i < lineEnd && b[i] == ':' ? i : -1;
    }

    /** The first field with this name, if any. */
    public Optional<HeaderField> first(String name) {
        for (HeaderField f : fields) {
            if (f.is(name)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The unfolded, trimmed value of the first field with this name. */
    public Optional<String> text(String name) {
        return first(name).map(f -> f.value(message));
    }

    /** Every value of fields with this name, in order. */
    public List<String> all(String name) {
        List<String> values = new ArrayList<>();
        for (HeaderField f : fields) {
            if (f.is(name)) {
                values.add(f.value(message));
            }
        }
        return values;
    }

    /** The length of the header block including its empty line. */
    public int length() {
        return bodyStart - start;
    }
}
