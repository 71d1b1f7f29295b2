/**
 * Maildir++ import and export as Dovecot, Courier and mutt lay it out, and the format-neutral
 * {@link io.quire.mail.maildir.ImportedMessage} that the mail store imports (also used by
 * {@code io.quire.mail.mbox}).
 */
package io.quire.mail.maildir;
