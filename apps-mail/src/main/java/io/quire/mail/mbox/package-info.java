/**
 * mbox import and export (RFC 4155; mboxrd and mboxo quoting), into and from the format-neutral
 * {@link io.quire.mail.maildir.ImportedMessage}.
 */
package io.quire.mail.mbox;
