package io.quire.mail.mime;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a structured field body ({@code value; name=value; ...}, RFC 2045 §5.1, RFC 2183 §2) leniently:
 * comments are dropped, quoted values unescaped, unquoted values taken up to the next {@code ;}, and
 * parameters without a name skipped.
 *
 * <p>Why not mime4j's {@code RawFieldParser}: it decodes encoded-words inside quoted parameter values and
 * reads 8-bit octets through a charset, and BODYSTRUCTURE must pass values through unchanged (clients decode
 * {@code name="=?utf-8?...?="} themselves). Values are read with {@link HeaderText#decode} so no octet is
 * lost.
 *
 * @param value  the main value, e.g. {@code text/plain} or {@code attachment}, trimmed
 * @param params the parameters in order, names as written
 */
record FieldParameters(String value, List<Param> params) {

    static FieldParameters parse(byte[] message, HeaderField field) {
        byte[] s = new byte[field.end() - field.valueStart()];
        int n = 0;
        for (int i = field.valueStart(); i < field.end(); i++) {
            if (message[i] != '\r' && message[i] != '\n') {
                s[n++] = message[i];
            }
        }
        Cursor c = new Cursor(s, n);
        String value = c.unquotedUntil((byte) ';', false);
        List<Param> params = new ArrayList<>();
        while (c.pos < n) {
            c.pos++; // the ';'
            String name = c.unquotedUntil((byte) '=', true);
            if (c.pos < n && s[c.pos] == '=') {
                c.pos++;
                String v = c.parameterValue();
                if (!name.isEmpty()) {
                    params.add(new Param(name, v));
                }
            }
        }
        return new FieldParameters(value, params);
    }

    /** A position in the unfolded field body. */
    private static final class Cursor {
        private final byte[] s;
        private final int n;
        private int pos;

        Cursor(byte[] s, int n) {
            this.s = s;
            this.n = n;
        }

        /** Text up to {@code stop} or {@code ;}, without comments or blanks at the ends. */
        String unquotedUntil(byte stop, boolean stopAtSemicolon) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            while (pos < n && s[pos] != stop && !(stopAtSemicolon && s[pos] == ';')) {
                if (s[pos] == '(') {
                    skipComment();
                    out.write(' ');
                } else {
                    out.write(s[pos++]);
                }
            }
            return trimmed(out.toByteArray());
        }

        /** A quoted-string (unescaped) or a token, then skips to the next {@code ;}. */
        String parameterValue() {
            while (pos < n && (HeaderText.isBlank(s[pos]) || s[pos] == '(')) {
                if (s[pos] == '(') {
                    skipComment();
                } else {
                    pos++;
                }
            }
            if (pos < n && s[pos] == '"') {
                pos++;
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                while (pos < n && s[pos] != '"') {
                    if (s[pos] == '\\' && pos + 1 < n) {
                        pos++;
                    }
                    out.write(s[pos++]);
                }
                pos++;
                while (pos < n && s[pos] != ';') {
                    pos++;
                }
                byte[] b = out.toByteArray();
                return HeaderText.decode(b, 0, b.length);
            }
            return unquotedUntil((byte) ';', true);
        }

        private void skipComment() {
            int depth = 0;
            while (pos < n) {
                byte b = s[pos++];
                if (b == '\\') {
                    pos++;
                } else if (b == '(') {
                    depth++;
                } else if (b == ')' && --depth == 0) {
                    return;
                }
            }
        }

        private static String trimmed(byte[] b) {
            int from = 0;
            int to = b.length;
            while (from < to && HeaderText.isBlank(b[from])) {
                from++;
            }
            while (to > from && HeaderText.isBlank(b[to - 1])) {
                to--;
            }
            return HeaderText.decode(b, from, to);
        }
    }

    /** The first parameter with this name, ignoring ASCII case. */
    String param(String name) {
        for (Param p : params) {
            if (p.name().equalsIgnoreCase(name)) {
                return p.value();
            }
        }
        return null;
    }
}
