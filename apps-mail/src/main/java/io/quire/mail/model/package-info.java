/**
 * Small validated values of the mail model, shared by the store, IMAP and import: mailbox names
 * ({@link io.quire.mail.model.MailboxName}), flags ({@link io.quire.mail.model.Flags}), special-use
 * attributes ({@link io.quire.mail.model.SpecialUse}) and id generation
 * ({@link io.quire.mail.model.MessageIds}). Nothing here does I/O.
 */
package io.quire.mail.model;
