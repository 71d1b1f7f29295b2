/**
 * The Vert.x transport of the SMTP and LMTP receivers: {@link io.quire.mail.smtp.SmtpServer} and
 * {@link io.quire.mail.lmtp.LmtpServer} bind a {@code NetServer} and run one sans-IO
 * {@link io.quire.mail.smtp.core.SmtpSession} per connection, with idle timeouts, a connection limit, STARTTLS and
 * back-pressure.
 */
package io.quire.mail.smtp;
