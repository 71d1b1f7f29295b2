package io.quire.mail.model;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The special-use mailbox attributes of RFC 6154 §2 (plus {@code \Important}, RFC 8457), in their
 * canonical spelling.
 */
public final class SpecialUse {
    public static final String ALL = "\\All";
    public static final String ARCHIVE = "\\Archive";
    public static final String DRAFTS = "\\Drafts";
    public static final String FLAGGED = "\\Flagged";
    public static final String IMPORTANT = "\\Important";
    public static final String JUNK = "\\Junk";
    public static final String SENT = "\\Sent";
    public static final String TRASH = "\\Trash";

    private static final Map<String, String> KNOWN = Map.of(
            "\\all", ALL, "\\archive", ARCHIVE, "\\drafts", DRAFTS, "\\flagged", FLAGGED,
            "\\important", IMPORTANT, "\\junk", JUNK, "\\sent", SENT, "\\trash", TRASH);

    private SpecialUse() {
    }

    /** The canonical attribute (matched case-insensitively), or empty when it is not one. */
    public static Optional<String> parse(String attribute) {
        return attribute == null ? Optional.empty() : Optional.ofNullable(KNOWN.get(attribute.toLowerCase(Locale.ROOT)));
    }
}
