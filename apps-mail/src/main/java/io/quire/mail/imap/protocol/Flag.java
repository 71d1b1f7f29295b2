package io.quire.mail.imap.protocol;

import java.util.List;
import java.util.Locale;

/**
 * A message flag: a system flag, a keyword or a flag extension (RFC 9051 §2.3.2).
 *
 * <pre>
 * flag           = "\Answered" / "\Flagged" / "\Deleted" / "\Seen" / "\Draft" / flag-keyword / flag-extension
 * flag-keyword   = "$MDNSent" / "$Forwarded" / ... / atom
 * flag-extension = "\" atom
 * flag-fetch     = flag / "\Recent"
 * </pre>
 *
 * <p>System flags are matched case-insensitively and kept in their canonical spelling, so
 * {@code \SEEN} becomes {@link #SEEN}. Keywords keep the client's spelling.
 *
 * @param name the flag as written on the wire, e.g. {@code \Seen} or {@code $Junk}
 */
public record Flag(String name) {
    /** Longest keyword accepted; protects the store from unbounded flag names. */
    public static final int MAX_KEYWORD_LENGTH = 128;

    public static final Flag SEEN = new Flag("\\Seen");
    public static final Flag ANSWERED = new Flag("\\Answered");
    public static final Flag FLAGGED = new Flag("\\Flagged");
    public static final Flag DELETED = new Flag("\\Deleted");
    public static final Flag DRAFT = new Flag("\\Draft");
    /** Session-only; fetchable and searchable but never storable (RFC 3501 §2.3.2). */
    public static final Flag RECENT = new Flag("\\Recent");

    /** The five storable system flags. */
    public static final List<Flag> STORABLE_SYSTEM_FLAGS = List.of(ANSWERED, FLAGGED, DELETED, SEEN, DRAFT);

    private static final List<Flag> SYSTEM_FLAGS = List.of(ANSWERED, FLAGGED, DELETED, SEEN, DRAFT, RECENT);

    /** Checks the grammar. */
    public Flag {
        if (name == null || name.isEmpty()) {
            throw ProtocolException.bad("Empty flag");
        }
        String atom = name.charAt(0) == '\\' ? name.substring(1) : name;
        if (!ImapChars.isAtom(atom)) {
            throw ProtocolException.bad("Invalid flag: " + abbreviate(name));
        }
        if (name.length() > MAX_KEYWORD_LENGTH) {
            throw ProtocolException.no(ResponseCode.Plain.LIMIT, "Flag longer than " + MAX_KEYWORD_LENGTH + " characters");
        }
    }

    /**
     * Parses a flag atom, canonicalising system flags.
     *
     * @throws ProtocolException (BAD) if the text is not a flag
     */
    public static Flag parse(String text) {
        if (text.startsWith("\\")) {
            for (Flag f : SYSTEM_FLAGS) {
                if (f.name.equalsIgnoreCase(text)) {
                    return f;
                }
            }
        }
        return new Flag(text);
    }

    /**
     * Parses a flag a client may set with STORE or APPEND: a storable system flag or a keyword.
     *
     * @throws ProtocolException (BAD) for {@code \Recent} and unknown {@code \}-flags, which cannot be stored
     */
    public static Flag parseStorable(String text) {
        Flag f = parse(text);
        if (!f.isStorable()) {
            throw ProtocolException.bad("Flag cannot be stored: " + abbreviate(text));
        }
        return f;
    }

    /** Whether this is one of the six RFC 3501 system flags (including {@code \Recent}). */
    public boolean isSystem() {
        return SYSTEM_FLAGS.contains(this);
    }

    /** Whether this is a keyword (no leading backslash). */
    public boolean isKeyword() {
        return name.charAt(0) != '\\';
    }

    /** Whether a client can set or clear this flag: keywords and system flags other than {@code \Recent}. */
    public boolean isStorable() {
        return isKeyword() || STORABLE_SYSTEM_FLAGS.contains(this);
    }

    /** The name upper-cased, for case-insensitive keyword comparison. */
    public String key() {
        return name.toUpperCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return name;
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
