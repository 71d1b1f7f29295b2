/**
 * The SMTP (RFC 5321) and LMTP (RFC 2033) server protocol without I/O: a {@link io.quire.mail.smtp.core.SmtpSession}
 * takes received bytes and emits {@link io.quire.mail.smtp.core.Step}s (write these bytes, ask the store, start
 * TLS, close). The Vert.x transport lives in {@code io.quire.mail.smtp}; tests drive the session directly.
 */
package io.quire.mail.smtp.core;
