package io.quire.mail.imap.parse;

/** An ESEARCH return option (RFC 4731 §3.1, SAVE from RFC 5182 §2.2). */
public enum SearchReturn {
    MIN, MAX, ALL, COUNT, SAVE
}
