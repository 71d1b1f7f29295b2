package io.quire.mail.imap.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One argument token of a command line, as split by {@link ImapReceiver}.
 *
 * <p>The receiver only frames: it knows atoms, strings (quoted, literal, literal8) and parenthesised
 * groups, and leaves their meaning to the parsers. Atoms are deliberately wide (any printable ASCII but
 * {@code ( ) " {}) so that {@code \Seen}, {@code 1:*}, {@code BODY[1.2]<0.10>} and LIST patterns are one
 * token each; the command parsers check the narrower grammar of each argument.
 */
public sealed interface Token {

    /**
     * A run of printable US-ASCII characters other than {@code ( ) " {}; includes {@code NIL}.
     *
     * @param text the characters as sent (case preserved)
     */
    record Atom(String text) implements Token {
        /** Checks that the atom is not empty. */
        public Atom {
            Objects.requireNonNull(text);
            if (text.isEmpty()) {
                throw new IllegalArgumentException("empty atom");
            }
        }

        /** Whether this atom equals {@code keyword} ignoring ASCII case. */
        public boolean is(String keyword) {
            return text.equalsIgnoreCase(keyword);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /**
     * A string argument: quoted (escapes removed), {@code {n}} literal or {@code ~{n}} literal8.
     *
     * @param bytes the octets of the string; never modified after construction
     * @param form  how the client sent it
     */
    record Str(byte[] bytes, Form form) implements Token {
        /** How a string was sent. */
        public enum Form {
            /** {@code "..."}. */
            QUOTED,
            /** {@code {n}} or {@code {n+}}. */
            LITERAL,
            /** {@code ~{n}} (RFC 3516), which may contain NUL. */
            LITERAL8
        }

        /** Checks for nulls. */
        public Str {
            Objects.requireNonNull(bytes);
            Objects.requireNonNull(form);
        }

        /** A quoted string from its (unescaped) text. */
        public static Str quoted(String text) {
            return new Str(text.getBytes(StandardCharsets.UTF_8), Form.QUOTED);
        }

        /** The octets decoded as UTF-8 (malformed input replaced). */
        public String utf8() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        /** Whether the string was a literal or literal8. */
        public boolean isLiteral() {
            return form != Form.QUOTED;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Str s && s.form == form && Arrays.equals(s.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes) * 31 + form.hashCode();
        }

        @Override
        public String toString() {
            return switch (form) {
                case QUOTED -> '"' + utf8() + '"';
                case LITERAL -> "{" + bytes.length + "}" + utf8();
                case LITERAL8 -> "~{" + bytes.length + "}" + utf8();
            };
        }
    }

    /**
     * A parenthesised list.
     *
     * @param items the tokens between the parentheses
     */
    record Group(List<Token> items) implements Token {
        /** Copies the items. */
        public Group {
            items = List.copyOf(items);
        }

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
