package io.quire.mail.imap.handler;

import java.util.Locale;

/**
 * The base subject of RFC 5256 §2.1, used by SORT SUBJECT and both THREAD algorithms, and whether extracting it
 * removed a reply or forward marker (REFERENCES step 5 and 6 prefer the original message to its replies).
 *
 * <pre>
 * subj-trailer = "(fwd)" / WSP
 * subj-fwd-hdr = "[fwd:"            subj-fwd-trl = "]"
 * subj-blob    = "[" *BLOBCHAR "]" *WSP
 * subj-refwd   = ("re" / ("fw" ["d"])) *WSP [subj-blob] ":"
 * subj-leader  = (*subj-blob subj-refwd) / WSP
 * </pre>
 * All matching is case-insensitive.
 *
 * @param text           the base subject, case kept
 * @param replyOrForward whether a {@code Re:}, {@code Fwd:}, {@code (fwd)} or {@code [fwd: ...]} was removed
 */
record BaseSubject(String text, boolean replyOrForward) {

    /** The key subjects are compared by: upper-cased, an approximation of i;unicode-casemap (RFC 5051). */
    String key() {
        return text.toUpperCase(Locale.ROOT);
    }

    /** Extracts the base subject from a subject whose encoded words are already decoded (step 1's first half). */
    static BaseSubject of(String decoded) {
        String s = collapseWhitespace(decoded);
        boolean refwd = false;
        while (true) {
            // (2) trailing subj-trailer, repeatedly
            while (true) {
                if (s.endsWith(" ")) {
                    s = s.substring(0, s.length() - 1);
                } else if (s.length() >= 5 && s.regionMatches(true, s.length() - 5, "(fwd)", 0, 5)) {
                    s = s.substring(0, s.length() - 5);
                    refwd = true;
                } else {
                    break;
                }
            }
            // (3) leading subj-leader, (4) a leading subj-blob that leaves a non-empty base, (5) until neither
            while (true) {
                if (s.startsWith(" ")) {
                    s = s.substring(1);
                    continue;
                }
                int leader = refwdLeader(s);
                if (leader > 0) {
                    s = s.substring(leader);
                    refwd = true;
                    continue;
                }
                int blob = blob(s, 0);
                if (blob > 0 && !s.substring(blob).isBlank()) {
                    s = s.substring(blob);
                    continue;
                }
                break;
            }
            // (6) "[fwd: ... ]" around the whole rest: unwrap and start again from (2)
            if (s.length() >= 6 && s.regionMatches(true, 0, "[fwd:", 0, 5) && s.endsWith("]")) {
                s = s.substring(5, s.length() - 1);
                refwd = true;
                continue;
            }
            return new BaseSubject(s, refwd);
        }
    }

    /** Tabs, line breaks and runs of spaces become one space (step 1). */
    private static String collapseWhitespace(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                space = true;
                continue;
            }
            if (space && !out.isEmpty()) {
                out.append(' ');
            }
            space = false;
            out.append(c);
        }
        return out.toString();
    }

    /** The length of {@code *subj-blob subj-refwd} at the start of {@code s}, or 0. */
    private static int refwdLeader(String s) {
        int i = 0;
        int b;
        while ((b = blob(s, i)) > 0) {
            i += b;
        }
        int j;
        if (s.regionMatches(true, i, "re", 0, 2)) {
            j = i + 2;
        } else if (s.regionMatches(true, i, "fwd", 0, 3)) {
            j = i + 3;
        } else if (s.regionMatches(true, i, "fw", 0, 2)) {
            j = i + 2;
        } else {
            return 0;
        }
        while (j < s.length() && s.charAt(j) == ' ') {
            j++;
        }
        int blob = blob(s, j);
        if (blob > 0) {
            j += blob;
        }
        return j < s.length() && s.charAt(j) == ':' ? j + 1 : 0;
    }

    /** The length of a subj-blob ({@code "[" *BLOBCHAR "]" *WSP}) starting at {@code from}, or 0. */
    private static int blob(String s, int from) {
        if (from >= s.length() || s.charAt(from) != '[') {
            return 0;
        }
        int i = from + 1;
        while (i < s.length() && s.charAt(i) != ']') {
            if (s.charAt(i) == '[') {
                return 0;
            }
            i++;
        }
        if (i >= s.length()) {
            return 0;
        }
        i++;
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return i - from;
    }
}
