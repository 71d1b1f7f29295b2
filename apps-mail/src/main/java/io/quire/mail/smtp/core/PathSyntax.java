package io.quire.mail.smtp.core;

/**
 * Scans RFC 5321 §4.1.2 paths: {@code "<" [ A-d-l ":" ] Mailbox ">"}, with RFC 6531 §3.3's UTF-8 extensions.
 *
 * <pre>
 * Mailbox    = Local-part "@" ( Domain / address-literal )
 * Local-part = Dot-string / Quoted-string
 * Dot-string = Atom *("."  Atom)            ; atext, plus UTF8-non-ascii (RFC 6531)
 * Domain     = sub-domain *("." sub-domain) ; Let-dig [Ldh-str], or a U-label (RFC 6531)
 * </pre>
 *
 * <p>A source route ({@code @a,@b:}) is accepted and dropped, as §4.1.1.3 requires. UTF-8 is always parsed here;
 * whether the client may use it (the SMTPUTF8 parameter) is checked by the caller.
 */
final class PathSyntax {

    private final String s;
    private int pos;

    private PathSyntax(String s, int pos) {
        this.s = s;
        this.pos = pos;
    }

    /** The result of a scan: the mailbox (empty for {@code <>}) and where the path ended, or a failure. */
    record Scanned(String mailbox, int end) {
        static final Scanned FAILED = new Scanned(null, -1);

        boolean ok() {
            return mailbox != null;
        }
    }

    /**
     * Scans a path starting at {@code start}.
     *
     * @param allowNull whether {@code <>} is allowed (reverse-path only)
     * @param allowPostmaster whether {@code <postmaster>} without a domain is allowed (forward-path only)
     */
    static Scanned scan(String s, int start, boolean allowNull, boolean allowPostmaster) {
        var p = new PathSyntax(s, start);
        String mailbox = p.path(allowNull, allowPostmaster);
        return mailbox == null ? Scanned.FAILED : new Scanned(mailbox, p.pos);
    }

    /** Whether the text has any character outside US-ASCII. */
    static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0x7f) {
                return false;
            }
        }
        return true;
    }

    private String path(boolean allowNull, boolean allowPostmaster) {
        if (!eat('<')) {
            return null;
        }
        if (allowNull && eat('>')) {
            return "";
        }
        if (peek() == '@' && !skipSourceRoute()) {
            return null;
        }
        int start = pos;
        if (allowPostmaster && s.regionMatches(true, pos, "postmaster>", 0, 11)) {
            pos += 10;
            eat('>');
            return s.substring(start, start + 10);
        }
        if (!localPart() || !eat('@') || !(addressLiteral() || domain()) || peek() != '>') {
            return null;
        }
        String mailbox = s.substring(start, pos);
        pos++;
        // RFC 5321 §4.5.3.1.3: a path is at most 256 octets including the angle brackets.
        return mailbox.length() <= 254 ? mailbox : null;
    }

    /** {@code A-d-l = At-domain *( "," At-domain )}, followed by ":"; RFC 5321 §4.1.2. */
    private boolean skipSourceRoute() {
        do {
            if (!eat('@') || !domain()) {
                return false;
            }
        } while (eat(','));
        return eat(':');
    }

    private boolean localPart() {
        if (peek() == '"') {
            return quotedString();
        }
        if (!atom()) {
            return false;
        }
        while (peek() == '.') {
            pos++;
            if (!atom()) {
                return false;
            }
        }
        return true;
    }

    private boolean atom() {
        int start = pos;
        while (pos < s.length() && isAtext(s.charAt(pos))) {
            pos++;
        }
        return pos > start;
    }

    private static boolean isAtext(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "!#$%&'*+-/=?^_`{|}~".indexOf(c) >= 0 || c > 0x7f;
    }

    private boolean quotedString() {
        pos++;
        while (pos < s.length()) {
            char c = s.charAt(pos++);
            if (c == '"') {
                return true;
            }
            if (c == '\\') {
                if (pos >= s.length() || s.charAt(pos) < 32 || s.charAt(pos) == 127) {
                    return false;
                }
                pos++;
            } else if (c < 32 || c == 127) {
                return false;
            }
        }
        return false;
    }

    private boolean domain() {
        if (!subDomain()) {
            return false;
        }
        while (peek() == '.') {
            pos++;
            if (!subDomain()) {
                return false;
            }
        }
        return true;
    }

    private boolean subDomain() {
        int start = pos;
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
                    || c > 0x7f) {
                pos++;
            } else {
                break;
            }
        }
        return pos > start && s.charAt(start) != '-' && s.charAt(pos - 1) != '-';
    }

    /** {@code "[" ( IPv4 / "IPv6:" ... / tag ":" dcontent ) "]"}: checked loosely, as printable text in brackets. */
    private boolean addressLiteral() {
        if (peek() != '[') {
            return false;
        }
        int close = s.indexOf(']', pos);
        if (close < 0 || close == pos + 1) {
            return false;
        }
        for (int i = pos + 1; i < close; i++) {
            char c = s.charAt(i);
            if (c < 33 || c > 126 || c == '[' || c == '\\') {
                return false;
            }
        }
        pos = close + 1;
        return true;
    }

    private char peek() {
        return pos < s.length() ? s.charAt(pos) : '\0';
    }

    private boolean eat(char c) {
        if (peek() == c) {
            pos++;
            return true;
        }
        return false;
    }
}
