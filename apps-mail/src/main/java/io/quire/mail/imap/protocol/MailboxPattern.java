package io.quire.mail.imap.protocol;

/**
 * A LIST/LSUB mailbox pattern in Unicode, with {@code *} matching anything and {@code %} anything but
 * the hierarchy delimiter (RFC 9051 §6.3.9).
 *
 * <p>Patterns are decoded like names ({@link MailboxName#decodeWire}) but not subject to the naming
 * policy: the empty pattern is the special "what is the delimiter" query.
 *
 * @param pattern the Unicode pattern
 */
public record MailboxPattern(String pattern) {

    /** Checks for control characters. */
    public MailboxPattern {
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw ProtocolException.bad("Control character in mailbox pattern");
            }
        }
    }

    /** Decodes a pattern as sent (list-mailbox octets). */
    public static MailboxPattern fromWire(byte[] raw, boolean utf8) {
        return new MailboxPattern(MailboxName.decodeWire(raw, utf8));
    }

    /**
     * The pattern interpreted relative to a LIST reference: RFC 9051 §6.3.9 leaves the combination to the
     * implementation; here the reference is a prefix, and a pattern starting with {@code INBOX}
     * (case-insensitively) ignores it, as INBOX is always at the top.
     */
    public MailboxPattern relativeTo(String reference) {
        if (reference.isEmpty() || pattern.regionMatches(true, 0, MailboxName.INBOX_NAME, 0, 5)
                && (pattern.length() == 5 || pattern.charAt(5) == MailboxName.DELIMITER)) {
            return this;
        }
        return new MailboxPattern(reference + pattern);
    }

    /** Whether this is the empty pattern, which asks only for the delimiter and root (RFC 9051 §6.3.9). */
    public boolean isEmpty() {
        return pattern.isEmpty();
    }

    /**
     * Whether {@code name} matches. {@code INBOX} in the pattern matches case-insensitively, since INBOX is
     * case-insensitive. Runs in O(pattern × name) time, so hostile patterns like {@code *a*a*a*a*b} stay
     * cheap.
     */
    public boolean matches(String name) {
        String p = pattern;
        if (p.regionMatches(true, 0, MailboxName.INBOX_NAME, 0, 5)
                && (p.length() == 5 || p.charAt(5) == MailboxName.DELIMITER || p.charAt(5) == '*' || p.charAt(5) == '%')
                && name.startsWith(MailboxName.INBOX_NAME)) {
            p = MailboxName.INBOX_NAME + p.substring(5);
        }
        int n = name.length();
        boolean[] reach = new boolean[n + 1];
        reach[0] = true;
        for (int pi = 0; pi < p.length(); pi++) {
            char pc = p.charAt(pi);
            boolean[] next = new boolean[n + 1];
            if (pc == '*' || pc == '%') {
                boolean carry = false;
                for (int i = 0; i <= n; i++) {
                    carry = reach[i] || (carry && i > 0 && (pc == '*' || name.charAt(i - 1) != MailboxName.DELIMITER));
                    next[i] = carry;
                }
            } else {
                for (int i = 1; i <= n; i++) {
                    next[i] = reach[i - 1] && name.charAt(i - 1) == pc;
                }
            }
            reach = next;
        }
        return reach[n];
    }

    @Override
    public String toString() {
        return pattern;
    }
}
