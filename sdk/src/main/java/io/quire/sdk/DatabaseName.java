package io.quire.sdk;

import java.util.regex.Pattern;

/**
 * The grammar of database names, in one place: {@code [a-z0-9][a-z0-9._@+-]{0,127}}, no {@code ..}.
 * Names become directory names and URL segments, hence the strictness. A mail user's database is
 * named after the user ({@code mail.alice@example.org}).
 */
public final class DatabaseName {
    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._@+-]{0,127}");

    private DatabaseName() {
    }

    /** Why {@code name} is not a valid database name, or null when it is. */
    public static String problem(String name) {
        if (name == null || !NAME.matcher(name).matches() || name.contains(".."))
            return "invalid database name: expected 1-128 characters from a-z 0-9 . _ @ + -, starting with a letter or digit, without '..'";
        return null;
    }

    public static String require(String name) {
        String p = problem(name);
        if (p != null) throw new QuireException.InvalidRequest(p);
        return name;
    }
}
