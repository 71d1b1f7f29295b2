package io.quire.mail.imap.parse;

/**
 * Session facts that change how arguments are read; pure data handed in by the session.
 *
 * @param utf8Accept whether the client enabled UTF8=ACCEPT (RFC 6855 §3): mailbox names are then UTF-8
 *                   rather than modified UTF-7
 */
public record ParseOptions(boolean utf8Accept) {
    /** A plain IMAP4rev1 session. */
    public static final ParseOptions DEFAULT = new ParseOptions(false);
}
