package io.quire.mail.smtp.core;

import java.util.OptionalLong;

/**
 * The ESMTP parameters of {@code MAIL FROM} that we support.
 *
 * @param size the client's size estimate from {@code SIZE=} (RFC 1870), if given
 * @param eightBitMime {@code BODY=8BITMIME} (RFC 6152)
 * @param smtpUtf8 {@code SMTPUTF8} (RFC 6531 §3.4): addresses and headers may contain UTF-8
 * @param any whether any parameter was given at all (they are only allowed after EHLO/LHLO)
 */
public record MailParameters(OptionalLong size, boolean eightBitMime, boolean smtpUtf8, boolean any) {

    /** No parameters. */
    public static final MailParameters NONE = new MailParameters(OptionalLong.empty(), false, false, false);
}
