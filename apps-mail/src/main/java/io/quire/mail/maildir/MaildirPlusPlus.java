package io.quire.mail.maildir;

import io.quire.mail.imap.protocol.ModifiedUtf7;
import io.quire.mail.imap.protocol.ProtocolException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Maildir++ folder layout (Courier's README.maildirquota, Dovecot's default): the root's {@code cur/new/tmp}
 * hold INBOX, and folder {@code A/B} lives in the directory {@code .A.B}, each level in modified UTF-7.
 *
 * <p>We follow Dovecot's naming, without Courier's {@code INBOX.} namespace prefix: {@code .Sent} is
 * {@code Sent}, not {@code INBOX/Sent}.
 */
public final class MaildirPlusPlus {

    /**
     * What stands in for a {@code .} inside a folder level on export: Maildir++ uses {@code .} as its hierarchy
     * separator and Dovecot refuses names where it is encoded ({@code &AC4-}), so a level like {@code v1.2} cannot
     * be written as is. U+2024 ONE DOT LEADER keeps the name readable; the writer reports each such rename.
     */
    public static final char DOT_SUBSTITUTE = '\u2024';

    private MaildirPlusPlus() {
    }

    /**
     * The folder name for a directory name found in the Maildir root, or empty when the directory is not a
     * Maildir++ folder name ({@code cur}, {@code .}, {@code ..}, {@code ..x}, {@code .a..b}).
     */
    public static Optional<String> folderName(String directory) {
        if (directory.length() < 2 || directory.charAt(0) != '.') {
            return Optional.empty();
        }
        String[] levels = directory.substring(1).split("\\.", -1);
        var decoded = new ArrayList<String>(levels.length);
        for (String level : levels) {
            if (level.isEmpty()) {
                return Optional.empty();
            }
            String name = decodeLeniently(level);
            if (name.contains("/")) {
                return Optional.empty(); // cannot be one level in a '/'-separated name
            }
            decoded.add(name);
        }
        return Optional.of(String.join("/", decoded));
    }

    /**
     * One level of a folder directory name, decoded from modified UTF-7 (RFC 3501 §5.1.3, as Dovecot
     * and Courier name folders, with the IMAP codec's strict decoder), or unchanged when it is not
     * canonical modified UTF-7: a directory some other tool named is better imported under its raw
     * name than not at all.
     */
    static String decodeLeniently(String level) {
        try {
            return ModifiedUtf7.decode(level);
        } catch (ProtocolException e) {
            return level;
        }
    }

    /** The directory for a folder: empty string for INBOX, {@code .A.B} otherwise. */
    public static String directory(String folder) {
        if (ImportedMessage.INBOX.equals(folder)) {
            return "";
        }
        var levels = new ArrayList<String>();
        for (String level : folder.split("/")) {
            levels.add(ModifiedUtf7.encode(safeLevel(level)));
        }
        return "." + String.join(".", levels);
    }

    /** The folder name as it will read back, after dots inside levels are replaced. */
    public static String writableName(String folder) {
        List<String> levels = new ArrayList<>();
        for (String level : folder.split("/")) {
            levels.add(safeLevel(level));
        }
        return String.join("/", levels);
    }

    private static String safeLevel(String level) {
        return level.replace('.', DOT_SUBSTITUTE);
    }
}
