package io.quire.mail.imap.protocol;

/** The status word of a status response (RFC 9051 §7.1). */
public enum ResponseStatus {
    OK, NO, BAD, PREAUTH, BYE
}
