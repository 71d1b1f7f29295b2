package io.quire.mail.model;

import java.util.List;
import java.util.Optional;

/**
 * A validated mailbox name: the full hierarchy name with the delimiter {@code /}, already decoded
 * from modified UTF-7 ("INBOX", "Archive/2026").
 *
 * <p>Rules, checked in {@link #problem}: not empty; no empty level ({@code a//b}, {@code /a},
 * {@code a/}); no {@code ..} (names become Maildir folder names on export); no control character
 * (NUL, CR, LF ...: RFC 3501 §5.1 and §9 {@code mailbox} excludes CTL in atoms, and none survives a
 * line protocol); no {@code %} or {@code *} (LIST wildcards, RFC 3501 §6.3.8); at most
 * {@value #MAX_LENGTH} characters. {@code INBOX} is case-insensitive (RFC 3501 §5.1), also as the
 * first level of a child name, and is always spelled {@code INBOX} here.
 */
public record MailboxName(String value) implements Comparable<MailboxName> {
    /** The hierarchy delimiter. */
    public static final char DELIMITER = '/';
    public static final String INBOX = "INBOX";
    public static final int MAX_LENGTH = 1000;

    /** Validates and canonicalises ({@code inbox/x} becomes {@code INBOX/x}). */
    public MailboxName {
        String p = problem(value);
        if (p != null) throw new IllegalArgumentException(p);
        value = canonical(value);
    }

    public static MailboxName of(String value) {
        return new MailboxName(value);
    }

    /** The name, or empty when it is not a valid name. */
    public static Optional<MailboxName> parse(String value) {
        return problem(value) == null ? Optional.of(new MailboxName(value)) : Optional.empty();
    }

    /** Why {@code name} is not a valid mailbox name, or null when it is. */
    public static String problem(String name) {
        if (name == null || name.isEmpty()) return "a mailbox name must not be empty";
        if (name.length() > MAX_LENGTH) return "a mailbox name has at most " + MAX_LENGTH + " characters";
        if (name.contains("..")) return "a mailbox name must not contain '..'";
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f) return "a mailbox name must not contain control characters";
            if (c == '%' || c == '*') return "a mailbox name must not contain the wildcards '%' or '*'";
        }
        for (String level : name.split(String.valueOf(DELIMITER), -1))
            if (level.isEmpty()) return "a mailbox name must not have an empty level (leading, trailing or doubled '/')";
        return null;
    }

    private static String canonical(String name) {
        int slash = name.indexOf(DELIMITER);
        String first = slash < 0 ? name : name.substring(0, slash);
        return first.equalsIgnoreCase(INBOX) && !first.equals(INBOX) ? INBOX + name.substring(first.length()) : name;
    }

    /** True for INBOX itself (not for its children). */
    public boolean isInbox() {
        return value.equals(INBOX);
    }

    /** The hierarchy levels, outermost first. */
    public List<String> levels() {
        return List.of(value.split(String.valueOf(DELIMITER)));
    }

    /** The superior names, outermost first ({@code a/b/c}: {@code a}, {@code a/b}). */
    public List<MailboxName> superiors() {
        List<String> levels = levels();
        java.util.ArrayList<MailboxName> out = new java.util.ArrayList<>();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < levels.size() - 1; i++) {
            if (i > 0) b.append(DELIMITER);
            b.append(levels.get(i));
            out.add(new MailboxName(b.toString()));
        }
        return out;
    }

    /** True when this name is strictly below {@code other} in the hierarchy. */
    public boolean isInferiorOf(MailboxName other) {
        return value.startsWith(other.value + DELIMITER);
    }

    /** This name with the prefix {@code from} replaced by {@code to} (this must be {@code from} or below it). */
    public MailboxName moved(MailboxName from, MailboxName to) {
        if (equals(from)) return to;
        if (!isInferiorOf(from)) throw new IllegalArgumentException(value + " is not under " + from.value);
        return new MailboxName(to.value + value.substring(from.value.length()));
    }

    @Override
    public int compareTo(MailboxName o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
