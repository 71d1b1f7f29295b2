/**
 * Mail users: the replicated directory database {@code mail-users} ({@link io.quire.mail.users.UsersSchema}),
 * address rules ({@link io.quire.mail.users.Addresses}), Argon2id password hashes
 * ({@link io.quire.mail.users.PasswordHasher}) and the node's {@link io.quire.mail.store.MailStore}
 * ({@link io.quire.mail.users.DirectoryMailStore}), which opens each user's mail through a
 * {@link io.quire.mail.users.UserMailFactory}. Blocking code: callers keep it off event loops.
 */
package io.quire.mail.users;
