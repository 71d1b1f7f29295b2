package io.quire.mail.imap.parse;

/** A LIST return option (RFC 5258 §3.2, SPECIAL-USE RFC 6154, LIST-STATUS RFC 5819). */
public enum ListReturn {
    SUBSCRIBED, CHILDREN, SPECIAL_USE, STATUS
}
