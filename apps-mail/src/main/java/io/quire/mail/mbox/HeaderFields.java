package io.quire.mail.mbox;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Just enough RFC 5322 header parsing for the mbox flag fields: find, unfold, remove, insert. */
final class HeaderFields {

    private HeaderFields() {
    }

    /** Where the header section ends: the index of the empty line that separates it, or the end of the bytes. */
    static int headerEnd(byte[] raw) {
        int lineStart = 0;
        while (lineStart < raw.length) {
            if (raw[lineStart] == '\n' || (raw[lineStart] == '\r' && lineStart + 1 < raw.length
                    && raw[lineStart + 1] == '\n')) {
                return lineStart;
            }
            int lf = indexOf(raw, (byte) '\n', lineStart);
            if (lf < 0) {
                return raw.length;
            }
            lineStart = lf + 1;
        }
        return raw.length;
    }

    /** The header fields as {name, unfolded value}, in order; ISO-8859-1 so any byte survives. */
    static List<String[]> of(byte[] raw) {
        var fields = new ArrayList<String[]>();
        String header = new String(raw, 0, headerEnd(raw), StandardCharsets.ISO_8859_1);
        for (String line : header.split("\r?\n")) {
            if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t') && !fields.isEmpty()) {
                String[] last = fields.get(fields.size() - 1);
                last[1] = last[1] + " " + line.strip();
            } else {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    fields.add(new String[] {line.substring(0, colon).trim(), line.substring(colon + 1)});
                }
            }
        }
        return fields;
    }

    /** The message's line end: CRLF if its first line ends so, else LF. */
    static String lineEnd(byte[] raw) {
        int lf = indexOf(raw, (byte) '\n', 0);
        return lf > 0 && raw[lf - 1] == '\r' ? "\r\n" : "\n";
    }

    /** The message with the named fields (lower-case names) removed and {@code added} put at the header's end. */
    static byte[] replace(byte[] raw, Set<String> names, byte[] added) {
        int end = headerEnd(raw);
        var out = new ByteArrayOutputStream(raw.length + added.length);
        int lineStart = 0;
        boolean dropping = false;
        while (lineStart < end) {
            int lf = indexOf(raw, (byte) '\n', lineStart);
            int lineEnd = lf < 0 || lf >= end ? end : lf + 1;
            boolean continuation = raw[lineStart] == ' ' || raw[lineStart] == '\t';
            if (!continuation) {
                dropping = names.contains(fieldName(raw, lineStart, lineEnd));
            }
            if (!dropping) {
                out.write(raw, lineStart, lineEnd - lineStart);
            }
            lineStart = lineEnd;
        }
        if (end == raw.length && end > 0 && raw[end - 1] != '\n') {
            out.writeBytes(lineEnd(raw).getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes(added);
        out.write(raw, end, raw.length - end);
        return out.toByteArray();
    }

    private static String fieldName(byte[] raw, int start, int end) {
        for (int i = start; i < end; i++) {
            if (raw[i] == ':') {
                return new String(raw, start, i - start, StandardCharsets.ISO_8859_1).trim().toLowerCase(Locale.ROOT);
            }
        }
        return "";
    }

    static int indexOf(byte[] raw, byte b, int from) {
        for (int i = from; i < raw.length; i++) {
            if (raw[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
