/**
 * The mail application as the node runs it ({@link io.quire.mail.app.MailApp}): reads the {@code mail:}
 * section ({@link io.quire.mail.app.MailConfig}), delivers LMTP/SMTP mail into INBOXes
 * ({@link io.quire.mail.app.StoreDelivery}), serves the mail routes of the HTTP API (users, import,
 * export; failures as problem documents through {@code ApiProblems}), and starts every
 * {@link io.quire.mail.app.MailService} found on the class path, which is where IMAP plugs in.
 */
package io.quire.mail.app;
