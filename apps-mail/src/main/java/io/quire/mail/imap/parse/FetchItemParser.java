package io.quire.mail.imap.parse;

import io.quire.mail.imap.protocol.ProtocolException;
import io.quire.mail.mime.Partial;
import io.quire.mail.mime.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Parses one {@code fetch-att} (RFC 9051 §9, RFC 3516 §6 for BINARY).
 *
 * <pre>
 * fetch-att = "ENVELOPE" / "FLAGS" / "INTERNALDATE" / "RFC822" [".HEADER" / ".SIZE" / ".TEXT"] /
 *             "BODY" ["STRUCTURE"] / "UID" / "MODSEQ" /
 *             "BODY" section [partial] / "BODY.PEEK" section [partial] /
 *             "BINARY" [".PEEK"] section-binary [partial] / "BINARY.SIZE" section-binary
 * partial   = "<" number "." nz-number ">"
 * </pre>
 *
 * The receiver splits {@code BODY[HEADER.FIELDS (A B)]<0.9>} into the atom {@code BODY[HEADER.FIELDS}, the
 * group {@code (A B)} and the atom {@code ]<0.9>}; this parser joins them back.
 */
final class FetchItemParser {
    private FetchItemParser() {
    }

    static FetchItem item(Arguments list) {
        String atom = list.rawAtom("fetch item");
        int bracket = atom.indexOf('[');
        if (bracket < 0) {
            return simple(atom);
        }
        String name = atom.substring(0, bracket).toUpperCase(Locale.ROOT);
        String inner;
        List<String> fields = null;
        String after;
        int close = atom.indexOf(']', bracket);
        if (close >= 0) {
            inner = atom.substring(bracket + 1, close);
            after = atom.substring(close + 1);
        } else {
            inner = atom.substring(bracket + 1);
            fields = headerList(list.group("header field list"));
            String tail = list.rawAtom("']' closing the section");
            if (!tail.startsWith("]")) {
                throw ProtocolException.bad("Expected ']' after the header field list");
            }
            after = tail.substring(1);
        }
        Optional<Partial> partial = partial(after);
        return switch (name) {
            case "BODY", "BODY.PEEK" -> new FetchItem.BodySection(section(inner, fields), partial, name.endsWith(".PEEK"));
            case "BINARY", "BINARY.PEEK" -> new FetchItem.Binary(binaryPart(inner, fields), partial, name.endsWith(".PEEK"));
            case "BINARY.SIZE" -> {
                if (partial.isPresent()) {
                    throw ProtocolException.bad("BINARY.SIZE takes no partial range");
                }
                yield new FetchItem.BinarySize(binaryPart(inner, fields));
            }
            default -> throw ProtocolException.bad("Unknown fetch item: " + Arguments.abbreviate(atom));
        };
    }

    private static FetchItem simple(String atom) {
        return switch (atom.toUpperCase(Locale.ROOT)) {
            case "FLAGS" -> FetchItem.FLAGS;
            case "INTERNALDATE" -> FetchItem.INTERNALDATE;
            case "RFC822.SIZE" -> FetchItem.RFC822_SIZE;
            case "RFC822" -> new FetchItem.Rfc822();
            case "RFC822.HEADER" -> new FetchItem.Rfc822Header();
            case "RFC822.TEXT" -> new FetchItem.Rfc822Text();
            case "ENVELOPE" -> FetchItem.ENVELOPE;
            case "BODY" -> FetchItem.BODY;
            case "BODYSTRUCTURE" -> FetchItem.BODYSTRUCTURE;
            case "UID" -> FetchItem.UID;
            case "MODSEQ" -> FetchItem.MODSEQ;
            case "ALL", "FAST", "FULL" -> throw ProtocolException.bad(atom + " is a macro and cannot be in a list");
            default -> throw ProtocolException.bad("Unknown fetch item: " + Arguments.abbreviate(atom));
        };
    }

    /** Parses the inside of {@code [...]}; {@code fields} is the header-list when one followed. */
    static Section section(String inner, List<String> fields) {
        List<Integer> part = new ArrayList<>();
        String rest = partNumbers(inner, part);
        String text = rest.toUpperCase(Locale.ROOT);
        Optional<Section.Text> selector = switch (text) {
            case "" -> Optional.empty();
            case "HEADER" -> Optional.of(Section.Text.HEADER);
            case "TEXT" -> Optional.of(Section.Text.TEXT);
            case "MIME" -> {
                if (part.isEmpty()) {
                    throw ProtocolException.bad("MIME needs a part number");
                }
                yield Optional.of(Section.Text.MIME);
            }
            case "HEADER.FIELDS", "HEADER.FIELDS.NOT" -> {
                if (fields == null) {
                    throw ProtocolException.bad(text + " needs a list of header fields");
                }
                yield Optional.of(new Section.Text.HeaderFields(fields, text.endsWith(".NOT")));
            }
            default -> throw ProtocolException.bad("Invalid section: " + Arguments.abbreviate(inner));
        };
        if (fields != null && !(selector.orElse(null) instanceof Section.Text.HeaderFields)) {
            throw ProtocolException.bad("Unexpected header field list in section");
        }
        return new Section(part, selector);
    }

    private static List<Integer> binaryPart(String inner, List<String> fields) {
        List<Integer> part = new ArrayList<>();
        if (fields != null || !partNumbers(inner, part).isEmpty()) {
            throw ProtocolException.bad("BINARY takes only part numbers: " + Arguments.abbreviate(inner));
        }
        return part;
    }

    /** Collects leading {@code nz-number "."} groups into {@code part}; returns what follows. */
    private static String partNumbers(String inner, List<Integer> part) {
        int i = 0;
        while (i < inner.length() && isDigit(inner.charAt(i))) {
            int end = i;
            while (end < inner.length() && isDigit(inner.charAt(end))) {
                end++;
            }
            String digits = inner.substring(i, end);
            if (digits.charAt(0) == '0' || digits.length() > 9) {
                throw ProtocolException.bad("Invalid part number: " + Arguments.abbreviate(digits));
            }
            part.add(Integer.parseInt(digits));
            if (end == inner.length()) {
                return "";
            }
            if (inner.charAt(end) != '.') {
                throw ProtocolException.bad("Invalid section: " + Arguments.abbreviate(inner));
            }
            i = end + 1;
            if (i == inner.length()) {
                throw ProtocolException.bad("Invalid section: " + Arguments.abbreviate(inner));
            }
        }
        return inner.substring(i);
    }

    /** {@code header-list = "(" header-fld-name *(SP header-fld-name) ")"}; names are astrings. */
    private static List<String> headerList(Arguments group) {
        List<String> names = new ArrayList<>();
        do {
            String name = group.astring("header field name");
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                // RFC 5322 §3.6.8 ftext: printable US-ASCII except ":".
                if (c <= 0x20 || c >= 0x7f || c == ':') {
                    throw ProtocolException.bad("Invalid header field name: " + Arguments.abbreviate(name));
                }
            }
            names.add(name);
        } while (group.hasNext());
        return names;
    }

    private static Optional<Partial> partial(String text) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        int dot = text.indexOf('.');
        if (!text.startsWith("<") || !text.endsWith(">") || dot < 0) {
            throw ProtocolException.bad("Invalid partial range: " + Arguments.abbreviate(text));
        }
        long origin = uint32(text.substring(1, dot), text);
        long count = uint32(text.substring(dot + 1, text.length() - 1), text);
        if (count == 0) {
            throw ProtocolException.bad("Partial octet count must not be 0");
        }
        return Optional.of(new Partial(origin, count));
    }

    private static long uint32(String digits, String whole) {
        if (digits.isEmpty() || digits.length() > 10 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw ProtocolException.bad("Invalid partial range: " + Arguments.abbreviate(whole));
        }
        long n = Long.parseLong(digits);
        if (n > 0xFFFF_FFFFL) {
            throw ProtocolException.bad("Partial range out of range");
        }
        return n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
