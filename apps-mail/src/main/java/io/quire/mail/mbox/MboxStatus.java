package io.quire.mail.mbox;

import io.quire.mail.maildir.ImportedMessage;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Message flags as mutt, Pine and Dovecot keep them inside mbox messages.
 *
 * <pre>
 * Status:     R = \Seen    O = old: not \Recent
 * X-Status:   A = \Answered   F = \Flagged   T = \Draft   D = \Deleted
 * X-Keywords: keywords separated by spaces (Dovecot)
 * </pre>
 */
public final class MboxStatus {

    /** The header fields that carry flags. */
    static final Set<String> FIELDS = Set.of("status", "x-status", "x-keywords");

    private MboxStatus() {
    }

    /**
     * The flags carried by a message's header: {@code \Recent} when {@code Status:} has neither {@code R} nor
     * {@code O} (including when it is absent: nobody has looked at the message yet).
     */
    public static Set<String> flags(byte[] raw) {
        var flags = new TreeSet<String>();
        String status = "";
        for (String[] field : HeaderFields.of(raw)) {
            String value = field[1].trim();
            switch (field[0].toLowerCase(Locale.ROOT)) {
                case "status" -> status += value;
                case "x-status" -> {
                    for (char c : value.toCharArray()) {
                        switch (c) {
                            case 'A' -> flags.add(ImportedMessage.ANSWERED);
                            case 'F' -> flags.add(ImportedMessage.FLAGGED);
                            case 'T' -> flags.add(ImportedMessage.DRAFT);
                            case 'D' -> flags.add(ImportedMessage.DELETED);
                            default -> { }
                        }
                    }
                }
                case "x-keywords" -> {
                    for (String keyword : value.split("[\\s,]+")) {
                        if (ImportedMessage.isValidKeyword(keyword)) {
                            flags.add(keyword);
                        }
                    }
                }
                default -> { }
            }
        }
        if (status.indexOf('R') >= 0) {
            flags.add(ImportedMessage.SEEN);
        }
        if (status.indexOf('R') < 0 && status.indexOf('O') < 0) {
            flags.add(ImportedMessage.RECENT);
        }
        return flags;
    }

    /**
     * The header lines that state these flags, each ending with {@code eol}: Status, X-Status and X-Keywords, as
     * far as they are not empty.
     */
    static byte[] fields(Set<String> flags, String eol) {
        var sb = new StringBuilder();
        String status = (flags.contains(ImportedMessage.SEEN) ? "R" : "")
                + (flags.contains(ImportedMessage.RECENT) ? "" : "O");
        if (!status.isEmpty()) {
            sb.append("Status: ").append(status).append(eol);
        }
        String x = (flags.contains(ImportedMessage.ANSWERED) ? "A" : "")
                + (flags.contains(ImportedMessage.FLAGGED) ? "F" : "")
                + (flags.contains(ImportedMessage.DRAFT) ? "T" : "")
                + (flags.contains(ImportedMessage.DELETED) ? "D" : "");
        if (!x.isEmpty()) {
            sb.append("X-Status: ").append(x).append(eol);
        }
        String keywords = String.join(" ", flags.stream().filter(f -> !f.startsWith("\\")).toList());
        if (!keywords.isEmpty()) {
            sb.append("X-Keywords: ").append(keywords).append(eol);
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
