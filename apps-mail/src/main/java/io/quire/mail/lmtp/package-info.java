/**
 * The LMTP (RFC 2033) listener. The protocol itself is {@link io.quire.mail.smtp.core.SmtpSession} with
 * {@link io.quire.mail.smtp.core.Protocol#LMTP}; the transport is shared with SMTP.
 */
package io.quire.mail.lmtp;
