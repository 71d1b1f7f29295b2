/**
 * The mail commands of the {@code quire} launcher ({@code import-maildir}, {@code export-maildir},
 * {@code import-mbox}): they read or write local files and talk to the running node over its HTTP
 * API, found and authenticated as {@code quire status} does ({@code NodeTarget}), in batches
 * ({@code BatchUploader}) so that no mailbox is ever held in memory whole.
 */
package io.quire.mail.cli;
