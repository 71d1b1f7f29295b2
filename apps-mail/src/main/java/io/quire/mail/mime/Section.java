package io.quire.mail.mime;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A section specifier of {@code BODY[...]} (RFC 9051 §6.4.5 and §9 {@code section-spec}).
 *
 * <pre>
 * section-spec    = section-msgtext / (section-part ["." section-text])
 * section-msgtext = "HEADER" / "HEADER.FIELDS" [".NOT"] SP header-list / "TEXT"
 * section-part    = nz-number *("." nz-number)
 * section-text    = section-msgtext / "MIME"
 * </pre>
 *
 * @param part the part numbers, empty for the whole message
 * @param text what to take of that part; empty for the whole part
 */
public record Section(List<Integer> part, Optional<Text> text) {
    /** {@code BODY[]}: the whole message. */
    public static final Section WHOLE = new Section(List.of(), Optional.empty());

    /** Checks part numbers and that MIME has a part. */
    public Section {
        part = List.copyOf(part);
        for (int n : part) {
            if (n < 1) {
                throw new IllegalArgumentException("part numbers start at 1");
            }
        }
        if (text.isPresent() && text.get() instanceof Text.Mime && part.isEmpty()) {
            throw new IllegalArgumentException("MIME needs a part number");
        }
    }

    /** A section of the given parts, e.g. {@code of(Text.HEADER, 2, 1)} for {@code 2.1.HEADER}. */
    public static Section of(Text text, int... part) {
        return new Section(java.util.Arrays.stream(part).boxed().toList(), Optional.ofNullable(text));
    }

    /** The specifier as echoed in the FETCH response, e.g. {@code 1.2.HEADER.FIELDS ("From" "To")}. */
    public String label() {
        StringBuilder sb = new StringBuilder();
        for (int n : part) {
            sb.append(sb.isEmpty() ? "" : ".").append(n);
        }
        text.ifPresent(t -> sb.append(sb.isEmpty() ? "" : ".").append(t.label()));
        return sb.toString();
    }

    @Override
    public String toString() {
        return "[" + label() + "]";
    }

    /** What to take of a part. */
    public sealed interface Text {
        /** {@code HEADER}. */
        Text HEADER = new Header();
        /** {@code TEXT}. */
        Text TEXT = new Body();
        /** {@code MIME}. */
        Text MIME = new Mime();

        /** The wire form. */
        String label();

        /** {@code HEADER}: the message header including the blank line. */
        record Header() implements Text {
            @Override
            public String label() {
                return "HEADER";
            }
        }

        /**
         * {@code HEADER.FIELDS (names)} or, with {@code not}, {@code HEADER.FIELDS.NOT (names)}.
         *
         * @param names field names as the client sent them (matched case-insensitively)
         * @param not   whether the listed fields are excluded rather than selected
         */
        record HeaderFields(List<String> names, boolean not) implements Text {
            /** Copies the names and checks there is at least one. */
            public HeaderFields {
                names = List.copyOf(names);
                if (names.isEmpty()) {
                    throw new IllegalArgumentException("header-list needs a field name");
                }
            }

            /** Whether {@code name} is listed, ignoring ASCII case. */
            public boolean lists(String name) {
                for (String n : names) {
                    if (n.equalsIgnoreCase(name)) {
                        return true;
                    }
                }
                return false;
            }

            @Override
            public String label() {
                StringBuilder sb = new StringBuilder(not ? "HEADER.FIELDS.NOT (" : "HEADER.FIELDS (");
                for (int i = 0; i < names.size(); i++) {
                    sb.append(i == 0 ? "" : " ").append(astring(names.get(i)));
                }
                return sb.append(')').toString();
            }

            private static String astring(String name) {
                boolean atom = !name.isEmpty() && !name.toUpperCase(Locale.ROOT).equals("NIL");
                for (int i = 0; atom && i < name.length(); i++) {
                    char c = name.charAt(i);
                    atom = c > 0x20 && c < 0x7f && "(){%*\"\\]".indexOf(c) < 0;
                }
                return atom ? name : '"' + name.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
            }
        }

        /** {@code TEXT}: the body of a message, without its header. */
        record Body() implements Text {
            @Override
            public String label() {
                return "TEXT";
            }
        }

        /** {@code MIME}: the MIME header of a body part. */
        record Mime() implements Text {
            @Override
            public String label() {
                return "MIME";
            }
        }
    }
}
