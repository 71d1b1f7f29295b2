package io.quire.mail.smtp.core;

/** Which of the two nearly identical dialects a session speaks: SMTP (RFC 5321) or LMTP (RFC 2033). */
public enum Protocol {
    /** Mail transfer: HELO/EHLO, one reply after DATA for the whole transaction. */
    SMTP,
    /** Local delivery: LHLO instead of HELO/EHLO, one reply after DATA per accepted recipient (RFC 2033 §4.2). */
    LMTP;

    /** The name used in the greeting: {@code ESMTP} or {@code LMTP}. */
    String greetingName() {
        return this == SMTP ? "ESMTP" : "LMTP";
    }

    /**
     * The {@code with} keyword of the {@code Received:} field, from the IANA "Mail Transmission Types" registry
     * (RFC 3848 for ESMTPS/LMTPS, RFC 6531 §3.7.3 for the UTF8 forms).
     */
    String withKeyword(boolean extended, boolean tls, boolean utf8) {
        String base = this == LMTP ? "LMTP" : (extended ? "ESMTP" : "SMTP");
        if (utf8) {
            base = "UTF8" + (this == LMTP ? "LMTP" : "SMTP");
        }
        return tls ? base + "S" : base;
    }
}
