package io.quire.mail.imap.protocol;

/**
 * Character classes of the IMAP formal syntax (RFC 3501 §9, RFC 9051 §9).
 *
 * <pre>
 * atom-specials   = "(" / ")" / "{" / SP / CTL / list-wildcards / quoted-specials / resp-specials
 * list-wildcards  = "%" / "*"
 * quoted-specials = DQUOTE / "\"
 * resp-specials   = "]"
 * ASTRING-CHAR    = ATOM-CHAR / resp-specials
 * tag             = 1*&lt;any ASTRING-CHAR except "+"&gt;
 * </pre>
 */
public final class ImapChars {
    private static final int ATOM = 1;
    private static final int ASTRING = 2;
    private static final int TAG = 4;
    private static final int LIST = 8;
    private static final int[] CLASSES = new int[256];

    static {
        for (int b = 0x21; b < 0x7f; b++) {
            int c = ATOM | ASTRING | TAG | LIST;
            switch (b) {
                case '(', ')', '{', '"', '\\' -> c = 0;
                case '%', '*' -> c = LIST;
                case ']' -> c = ASTRING | TAG | LIST;
                case '+' -> c = ATOM | ASTRING | LIST;
                default -> { }
            }
            CLASSES[b] = c;
        }
    }

    private ImapChars() {
    }

    /** Whether {@code b} is an ATOM-CHAR. */
    public static boolean isAtomChar(int b) {
        return (CLASSES[b & 0xff] & ATOM) != 0;
    }

    /** Whether {@code b} is an ASTRING-CHAR (an ATOM-CHAR or {@code ]}). */
    public static boolean isAstringChar(int b) {
        return (CLASSES[b & 0xff] & ASTRING) != 0;
    }

    /** Whether {@code b} may appear in a tag. */
    public static boolean isTagChar(int b) {
        return (CLASSES[b & 0xff] & TAG) != 0;
    }

    /** Whether {@code b} is a list-char (RFC 3501 {@code list-mailbox}): an ASTRING-CHAR or a wildcard. */
    public static boolean isListChar(int b) {
        return (CLASSES[b & 0xff] & LIST) != 0;
    }

    /** Whether {@code b} is a CTL (%x00-1F / %x7F). */
    public static boolean isCtl(int b) {
        int v = b & 0xff;
        return v < 0x20 || v == 0x7f;
    }

    /** Whether every character of {@code s} is an ATOM-CHAR and {@code s} is not empty. */
    public static boolean isAtom(CharSequence s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > 0x7f || !isAtomChar(c)) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code s} can be sent as an atom form of an astring (and is not mistaken for {@code NIL}). */
    public static boolean isAstringAtom(CharSequence s) {
        if (s.isEmpty() || "NIL".equalsIgnoreCase(s.toString())) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > 0x7f || !isAstringChar(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code b} may be part of an atom token as the receiver splits lines: wider than ATOM-CHAR
     * (wildcards, {@code \}, {@code ]} and {@code [} included) so that each argument is one token and its own
     * parser checks the narrower grammar.
     */
    static boolean isTokenAtomByte(int b) {
        return b > 0x20 && b < 0x7f && b != '(' && b != ')' && b != '"' && b != '{';
    }

    /** Why {@code b} cannot appear outside a string, for a BAD response. */
    static String describeInvalid(int b) {
        if (b == 0) {
            return "NUL octet in a command line";
        }
        if (b >= 0x80) {
            return "8-bit octet outside a quoted string or literal";
        }
        return "Control character 0x" + Integer.toHexString(b) + " in a command line";
    }
}
