package io.quire.mail.store;

import java.util.Optional;

/**
 * The replicated mail store of one node: a directory of users (itself a replicated database) and
 * one mail database per user. Blocking calls: never call them on an event loop.
 */
public interface MailStore extends AutoCloseable {
    /** The user's mail, or empty when no such user exists. Names are case-insensitive addresses. */
    Optional<UserMail> user(String userName);

    /** The user a name/password pair authenticates (constant-time, slow hash), or empty. */
    Optional<String> authenticate(String userName, String password);

    /** The user an address (or alias) delivers to, or empty. */
    Optional<String> resolveAddress(String address);

    @Override
    void close();
}
