package io.quire.mail.maildir;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One message read from, or to be written to, a Maildir or mbox: format-neutral, as the store imports it.
 *
 * @param folder the folder, hierarchy levels separated by {@code /}; {@code INBOX} (any case on input) for the
 *     root
 * @param raw the message bytes exactly as stored; not copied, do not modify
 * @param flags IMAP flags (RFC 3501 §2.3.2): system flags {@code \Seen \Answered \Flagged \Deleted \Draft}, plus
 *     {@code \Recent} for mail nobody has seen yet (a Maildir's {@code new/}, an mbox message without
 *     {@code Status: O}), and keywords such as {@code $Forwarded}
 * @param internalDate the IMAP INTERNALDATE (RFC 3501 §2.3.3): when the message arrived
 * @param uid the message's IMAP UID, when the source kept one
 * @param uidValidity the folder's UIDVALIDITY the UID belongs to; present exactly when {@code uid} is
 */
public record ImportedMessage(String folder, byte[] raw, Set<String> flags, Instant internalDate, OptionalLong uid,
        OptionalLong uidValidity) {

    /** The root folder's name. */
    public static final String INBOX = "INBOX";
    public static final String SEEN = "\\Seen";
    public static final String ANSWERED = "\\Answered";
    public static final String FLAGGED = "\\Flagged";
    public static final String DELETED = "\\Deleted";
    public static final String DRAFT = "\\Draft";
    public static final String RECENT = "\\Recent";
    /** The keyword for Maildir's "passed" flag {@code P} (RFC 5550 §7.1 registers {@code $Forwarded}). */
    public static final String FORWARDED = "$Forwarded";

    private static final Map<String, String> SYSTEM = Stream.of(SEEN, ANSWERED, FLAGGED, DELETED, DRAFT, RECENT)
            .collect(Collectors.toMap(f -> f.toLowerCase(Locale.ROOT), Function.identity()));
    private static final long MAX_UINT32 = 0xFFFF_FFFFL;

    /** Validates and normalises: canonical INBOX, canonical system flag case, sorted unmodifiable flags. */
    public ImportedMessage {
        folder = normalizeFolder(folder);
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(internalDate, "internalDate");
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(uidValidity, "uidValidity");
        SortedSet<String> normalized = new TreeSet<>();
        for (String flag : flags) {
            normalized.add(normalizeFlag(flag));
        }
        flags = Collections.unmodifiableSortedSet(normalized);
        if (uid.isPresent() != uidValidity.isPresent()) {
            throw new IllegalArgumentException("uid and uidValidity come together");
        }
        // RFC 3501 §2.3.1.1: both are non-zero 32-bit unsigned numbers.
        if (uid.isPresent() && (uid.getAsLong() < 1 || uid.getAsLong() > MAX_UINT32
                || uidValidity.getAsLong() < 1 || uidValidity.getAsLong() > MAX_UINT32)) {
            throw new IllegalArgumentException("uid and uidValidity must be in 1..2^32-1");
        }
    }

    /** A message without UID. */
    public static ImportedMessage of(String folder, byte[] raw, Set<String> flags, Instant internalDate) {
        return new ImportedMessage(folder, raw, flags, internalDate, OptionalLong.empty(), OptionalLong.empty());
    }

    /** A copy in another folder. */
    public ImportedMessage withFolder(String other) {
        return new ImportedMessage(other, raw, flags, internalDate, uid, uidValidity);
    }

    /** A copy with other flags. */
    public ImportedMessage withFlags(Set<String> other) {
        return new ImportedMessage(folder, raw, other, internalDate, uid, uidValidity);
    }

    /** A copy with a UID. */
    public ImportedMessage withUid(long newUid, long newUidValidity) {
        return new ImportedMessage(folder, raw, flags, internalDate, OptionalLong.of(newUid),
                OptionalLong.of(newUidValidity));
    }

    /** The keywords: the flags that are not system flags. */
    public SortedSet<String> keywords() {
        var keywords = new TreeSet<String>();
        flags.stream().filter(f -> !f.startsWith("\\")).forEach(keywords::add);
        return keywords;
    }

    /** Whether the message has this flag (system flags compared case-insensitively). */
    public boolean hasFlag(String flag) {
        return flags.contains(normalizeFlag(flag));
    }

    /**
     * Whether {@code keyword} is a valid IMAP keyword: {@code flag-keyword = atom} (RFC 3501 §9), i.e. 7-bit
     * printable characters other than {@code ( ) { SP % * " \ ]}.
     */
    public static boolean isValidKeyword(String keyword) {
        if (keyword == null || keyword.isEmpty()) {
            return false;
        }
        for (int i = 0; i < keyword.length(); i++) {
            char c = keyword.charAt(i);
            if (c <= 0x20 || c >= 0x7f || "(){%*\"\\]".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    private static String normalizeFlag(String flag) {
        Objects.requireNonNull(flag, "flag");
        if (flag.startsWith("\\")) {
            String system = SYSTEM.get(flag.toLowerCase(Locale.ROOT));
            if (system == null) {
                throw new IllegalArgumentException("unknown system flag " + flag);
            }
            return system;
        }
        if (!isValidKeyword(flag)) {
            throw new IllegalArgumentException("invalid keyword " + flag);
        }
        return flag;
    }

    /**
     * Checks a folder name and spells INBOX canonically: INBOX is case-insensitive (RFC 3501 §5.1), also as the
     * first level of a hierarchy.
     */
    public static String normalizeFolder(String folder) {
        Objects.requireNonNull(folder, "folder");
        String[] parts = folder.split("/", -1);
        for (String part : parts) {
            if (part.isEmpty()) {
                throw new IllegalArgumentException("empty level in folder name: '" + folder + "'");
            }
        }
        if (parts[0].equalsIgnoreCase(INBOX)) {
            parts[0] = INBOX;
        }
        return String.join("/", parts);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImportedMessage m && folder.equals(m.folder) && Arrays.equals(raw, m.raw)
                && flags.equals(m.flags) && internalDate.equals(m.internalDate) && uid.equals(m.uid)
                && uidValidity.equals(m.uidValidity);
    }

    @Override
    public int hashCode() {
        return Objects.hash(folder, Arrays.hashCode(raw), flags, internalDate, uid, uidValidity);
    }

    @Override
    public String toString() {
        return "ImportedMessage[" + folder + ", " + raw.length + " bytes, " + flags + ", " + internalDate
                + (uid.isPresent() ? ", uid " + uid.getAsLong() + "/" + uidValidity.getAsLong() : "") + "]";
    }
}
