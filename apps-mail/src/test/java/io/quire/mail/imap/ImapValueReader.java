package io.quire.mail.imap;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A strict reader of IMAP response data (RFC 9051 §4) for tests: it fails on unbalanced parentheses,
 * invalid escapes, wrong literal lengths and stray spaces, and returns the value tree.
 */
public final class ImapValueReader {
    private final byte[] in;
    private int pos;

    private ImapValueReader(byte[] in) {
        this.in = in;
    }

    /** A parsed value. */
    public sealed interface Value {
        /** {@code NIL}. */
        record Nil() implements Value {
            @Override
            public String toString() {
                return "NIL";
            }
        }

        /** A number. */
        record Num(long value) implements Value {
            @Override
            public String toString() {
                return Long.toString(value);
            }
        }

        /** An atom. */
        record Atom(String text) implements Value {
            @Override
            public String toString() {
                return text;
            }
        }

        /** A quoted string or literal. */
        record Str(byte[] bytes) implements Value {
            /** The text as UTF-8. */
            public String text() {
                return new String(bytes, StandardCharsets.UTF_8);
            }

            @Override
            public boolean equals(Object o) {
                return o instanceof Str s && Arrays.equals(s.bytes, bytes);
            }

            @Override
            public int hashCode() {
                return Arrays.hashCode(bytes);
            }

            @Override
            public String toString() {
                return '"' + text() + '"';
            }
        }

        /** A parenthesised list. */
        record Lst(List<Value> items) implements Value {
            @Override
            public String toString() {
                StringBuilder sb = new StringBuilder("(");
                for (int i = 0; i < items.size(); i++) {
                    sb.append(i == 0 ? "" : " ").append(items.get(i));
                }
                return sb.append(')').toString();
            }
        }
    }

    /** Reads exactly one value from {@code data}. */
    public static Value read(byte[] data) {
        ImapValueReader r = new ImapValueReader(data);
        Value v = r.value();
        if (r.pos != data.length) {
            throw new AssertionError("trailing data at " + r.pos + ": " + r.context());
        }
        return v;
    }

    /** Reads a space-separated sequence of values filling {@code data}. */
    public static List<Value> readAll(byte[] data) {
        ImapValueReader r = new ImapValueReader(data);
        List<Value> values = new ArrayList<>();
        while (r.pos < data.length) {
            values.add(r.value());
            if (r.pos < data.length) {
                r.expect(' ');
            }
        }
        return values;
    }

    private Value value() {
        if (pos >= in.length) {
            throw new AssertionError("unexpected end of data");
        }
        byte b = in[pos];
        if (b == '(') {
            pos++;
            List<Value> items = new ArrayList<>();
            while (true) {
                if (pos >= in.length) {
                    throw new AssertionError("unbalanced '('");
                }
                if (in[pos] == ')') {
                    pos++;
                    return new Value.Lst(items);
                }
                if (!items.isEmpty()) {
                    // Elements are separated by one SP, except that a list may directly follow a list.
                    if (in[pos] == ' ') {
                        pos++;
                    } else if (!(in[pos] == '(' && in[pos - 1] == ')')) {
                        throw new AssertionError("missing space at " + pos + ": " + context());
                    }
                }
                items.add(value());
            }
        }
        if (b == '"') {
            return quoted();
        }
        if (b == '{' || b == '~') {
            return literal();
        }
        int start = pos;
        while (pos < in.length && in[pos] != ' ' && in[pos] != ')' && in[pos] != '(') {
            if (in[pos] < 0x21 || in[pos] > 0x7e || in[pos] == '"' || in[pos] == '{') {
                throw new AssertionError("invalid atom octet at " + pos + ": " + context());
            }
            pos++;
        }
        if (pos == start) {
            throw new AssertionError("empty value at " + pos + ": " + context());
        }
        String text = new String(in, start, pos - start, StandardCharsets.US_ASCII);
        if (text.equals("NIL")) {
            return new Value.Nil();
        }
        if (text.chars().allMatch(Character::isDigit)) {
            return new Value.Num(Long.parseLong(text));
        }
        return new Value.Atom(text);
    }

    private Value quoted() {
        pos++;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        while (true) {
            if (pos >= in.length) {
                throw new AssertionError("unterminated quoted string");
            }
            byte b = in[pos++];
            if (b == '"') {
                return new Value.Str(out.toByteArray());
            }
            if (b == '\r' || b == '\n' || b == 0) {
                throw new AssertionError("CR, LF or NUL inside a quoted string");
            }
            if (b == '\\') {
                byte e = in[pos++];
                if (e != '"' && e != '\\') {
                    throw new AssertionError("invalid escape in quoted string");
                }
                b = e;
            }
            out.write(b);
        }
    }

    private Value literal() {
        if (in[pos] == '~') {
            pos++;
        }
        expect('{');
        int start = pos;
        while (pos < in.length && Character.isDigit(in[pos])) {
            pos++;
        }
        int n = Integer.parseInt(new String(in, start, pos - start, StandardCharsets.US_ASCII));
        expect('}');
        expect('\r');
        expect('\n');
        if (pos + n > in.length) {
            throw new AssertionError("literal longer than the data");
        }
        byte[] bytes = Arrays.copyOfRange(in, pos, pos + n);
        pos += n;
        return new Value.Str(bytes);
    }

    private void expect(char c) {
        if (pos >= in.length || in[pos] != c) {
            throw new AssertionError("expected '" + c + "' at " + pos + ": " + context());
        }
        pos++;
    }

    private String context() {
        int from = Math.max(0, pos - 30);
        int to = Math.min(in.length, pos + 30);
        return new String(in, from, to - from, StandardCharsets.ISO_8859_1);
    }
}
