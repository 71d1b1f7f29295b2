package io.quire.mail.imap.parse;

/** How STORE applies its flags: {@code +FLAGS}, {@code -FLAGS} or {@code FLAGS} (RFC 9051 §6.4.6). */
public enum StoreMode {
    ADD, REMOVE, REPLACE
}
