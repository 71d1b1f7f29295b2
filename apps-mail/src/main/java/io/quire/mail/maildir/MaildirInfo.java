package io.quire.mail.maildir;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The flags part of a Maildir file name, {@code <base>:2,<flags>} (cr.yp.to/proto/maildir.html, "info").
 *
 * <pre>
 *  D Draft  → \Draft      R Replied → \Answered     T Trashed → \Deleted
 *  F Flagged → \Flagged   S Seen    → \Seen         P Passed  → $Forwarded (RFC 5550 §7.1)
 *  a..z     → keyword 0..25 of the folder's dovecot-keywords file
 * </pre>
 *
 * <p>Letters are written in ASCII order, as the spec requires. Dovecot extends the field with
 * {@code ,<non-standard fields>} after the letters; we ignore that part when reading.
 */
public final class MaildirInfo {

    /** The separator between base name and info; {@code :} on Unix file systems. */
    public static final String INFO_SEPARATOR = ":2,";

    private MaildirInfo() {
    }

    /** The base name: the file name up to the info part (what dovecot-uidlist records). */
    public static String baseName(String fileName) {
        int colon = fileName.indexOf(':');
        return colon < 0 ? fileName : fileName.substring(0, colon);
    }

    /** The IMAP flags in a file name; unknown letters are ignored. */
    public static Set<String> flags(String fileName, List<String> keywords) {
        var flags = new TreeSet<String>();
        int info = fileName.indexOf(INFO_SEPARATOR);
        if (info < 0) {
            return flags;
        }
        for (int i = info + INFO_SEPARATOR.length(); i < fileName.length(); i++) {
            char c = fileName.charAt(i);
            if (c == ',') {
                break;
            }
            switch (c) {
                case 'D' -> flags.add(ImportedMessage.DRAFT);
                case 'F' -> flags.add(ImportedMessage.FLAGGED);
                case 'P' -> flags.add(ImportedMessage.FORWARDED);
                case 'R' -> flags.add(ImportedMessage.ANSWERED);
                case 'S' -> flags.add(ImportedMessage.SEEN);
                case 'T' -> flags.add(ImportedMessage.DELETED);
                default -> {
                    int index = c - 'a';
                    if (index >= 0 && index < 26 && index < keywords.size() && keywords.get(index) != null
                            && ImportedMessage.isValidKeyword(keywords.get(index))) {
                        flags.add(keywords.get(index));
                    }
                }
            }
        }
        return flags;
    }

    /**
     * The info letters for a message's flags, sorted; {@code \Recent} has no letter (it is the {@code new/}
     * directory). Keywords come from {@code letters}, which grows as new keywords appear; a keyword beyond the 26th
     * has no letter and is returned in {@code dropped}.
     */
    public static String letters(Set<String> flags, List<String> letters, List<String> dropped) {
        var chars = new ArrayList<Character>();
        for (String flag : flags) {
            switch (flag) {
                case ImportedMessage.DRAFT -> chars.add('D');
                case ImportedMessage.FLAGGED -> chars.add('F');
                case ImportedMessage.FORWARDED -> chars.add('P');
                case ImportedMessage.ANSWERED -> chars.add('R');
                case ImportedMessage.SEEN -> chars.add('S');
                case ImportedMessage.DELETED -> chars.add('T');
                case ImportedMessage.RECENT -> { }
                default -> {
                    int index = letters.indexOf(flag);
                    if (index < 0 && letters.size() < 26) {
                        letters.add(flag);
                        index = letters.size() - 1;
                    }
                    if (index < 0) {
                        dropped.add(flag);
                    } else {
                        chars.add((char) ('a' + index));
                    }
                }
            }
        }
        var sb = new StringBuilder();
        chars.stream().sorted().forEach(sb::append);
        return sb.toString();
    }
}
