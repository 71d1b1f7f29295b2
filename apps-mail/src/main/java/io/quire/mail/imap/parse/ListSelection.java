package io.quire.mail.imap.parse;

/** A LIST selection option (RFC 5258 §3.1, SPECIAL-USE RFC 6154 §3). */
public enum ListSelection {
    SUBSCRIBED, REMOTE, RECURSIVEMATCH, SPECIAL_USE
}
