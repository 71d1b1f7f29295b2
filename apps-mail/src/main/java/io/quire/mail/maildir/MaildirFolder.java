package io.quire.mail.maildir;

import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * One folder found in a Maildir++ tree.
 *
 * @param name the folder name, {@code /}-separated, {@code INBOX} for the root
 * @param directory where its {@code cur/new/tmp} live
 * @param uidValidity its UIDVALIDITY, from {@code dovecot-uidlist}, if any
 * @param uidNext its next UID, from {@code dovecot-uidlist}, if any
 */
public record MaildirFolder(String name, Path directory, OptionalLong uidValidity, OptionalLong uidNext) {
}
