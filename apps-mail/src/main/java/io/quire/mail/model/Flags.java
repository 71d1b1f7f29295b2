package io.quire.mail.model;

import java.util.Collection;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Message flags as the store keeps them: system flags (RFC 3501 §2.3.2) in their canonical spelling,
 * keywords as given, sorted, immutable and shared between messages holding the same set.
 *
 * <p>{@code \Recent} is never stored: it is a property of a session, not of a message (RFC 3501
 * §2.3.2; IMAP4rev2 drops it, RFC 9051 §2.3.2). System flags are matched case-insensitively
 * because clients send {@code \seen} as often as {@code \Seen}.
 */
public final class Flags {
    public static final String SEEN = "\\Seen";
    public static final String ANSWERED = "\\Answered";
    public static final String FLAGGED = "\\Flagged";
    public static final String DELETED = "\\Deleted";
    public static final String DRAFT = "\\Draft";
    public static final String RECENT = "\\Recent";

    private static final Map<String, String> SYSTEM = Map.of(
            "\\seen", SEEN, "\\answered", ANSWERED, "\\flagged", FLAGGED, "\\deleted", DELETED, "\\draft", DRAFT);
    /** Few distinct flag sets exist in practice; sharing them saves a set per message in the index. */
    private static final int MAX_INTERNED = 10_000;
    private static final Map<SortedSet<String>, SortedSet<String>> INTERNED = new ConcurrentHashMap<>();
    public static final SortedSet<String> NONE = Collections.emptySortedSet();

    private Flags() {
    }

    /** The canonical spelling of one flag, or null for {@code \Recent} and blank input (not stored). */
    public static String canonical(String flag) {
        if (flag == null || flag.isBlank()) return null;
        if (flag.startsWith("\\")) {
            String lower = flag.toLowerCase(Locale.ROOT);
            if (lower.equals("\\recent")) return null;
            return SYSTEM.getOrDefault(lower, flag);
        }
        return flag;
    }

    /** The flags canonicalised, sorted, immutable and shared. */
    public static SortedSet<String> of(Collection<String> flags) {
        if (flags == null || flags.isEmpty()) return NONE;
        TreeSet<String> s = new TreeSet<>();
        for (String f : flags) {
            String c = canonical(f);
            if (c != null) s.add(c);
        }
        if (s.isEmpty()) return NONE;
        SortedSet<String> shared = INTERNED.get(s);
        if (shared != null) return shared;
        SortedSet<String> frozen = Collections.unmodifiableSortedSet(s);
        if (INTERNED.size() >= MAX_INTERNED) return frozen;
        SortedSet<String> prev = INTERNED.putIfAbsent(frozen, frozen);
        return prev != null ? prev : frozen;
    }

    /** True when {@code flags} holds {@code \Seen}. */
    public static boolean seen(Set<String> flags) {
        return flags.contains(SEEN);
    }
}
