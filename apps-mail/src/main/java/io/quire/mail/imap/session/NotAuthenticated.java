package io.quire.mail.imap.session;

/** Before LOGIN or AUTHENTICATE succeeded (RFC 9051 §3.1). */
public record NotAuthenticated() implements SessionState {
}
