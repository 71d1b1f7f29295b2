package io.quire.sdk;

import java.util.regex.Pattern;

/**
 * The identity of a document: its type and its id within the type.
 *
 * <p>Grammar (kept strict because ids become Git path names and URL segments):
 * {@code type = [a-z][a-z0-9_-]{0,63}}; {@code id = [A-Za-z0-9_@+=,-][A-Za-z0-9._@+=,:-]{0,199}}:
 * no {@code /}, no {@code ~} (reserved for blob entries), no leading dot, no control characters.
 */
public record DocumentId(String type, String id) implements Comparable<DocumentId> {
    public static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_-]{0,63}");
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9_@+=,-][A-Za-z0-9._@+=,:-]{0,199}");

    public DocumentId {
        String problem = problem(type, id);
        if (problem != null) throw new QuireException.InvalidRequest(problem);
    }

    public static DocumentId of(String type, String id) {
        return new DocumentId(type, id);
    }

    /** Why this type/id pair is invalid, or null when it is valid. */
    public static String problem(String type, String id) {
        if (type == null || !TYPE.matcher(type).matches())
            return "invalid document type '" + printable(type) + "': expected [a-z][a-z0-9_-]{0,63}";
        if (id == null || !ID.matcher(id).matches())
            return "invalid document id '" + printable(id) + "': 1-200 characters from A-Z a-z 0-9 . _ @ + = , : -, not starting with a dot";
        return null;
    }

    private static String printable(String s) {
        if (s == null) return "null";
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && i < 80; i++) {
            char c = s.charAt(i);
            b.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return s.length() > 80 ? b + "..." : b.toString();
    }

    @Override
    public int compareTo(DocumentId o) {
        int c = type.compareTo(o.type);
        return c != 0 ? c : id.compareTo(o.id);
    }

    @Override
    public String toString() {
        return type + "/" + id;
    }
}
