package io.quire.mail.users;

import io.quire.mail.store.UserMail;
import io.quire.sdk.Databases;
import java.util.Optional;

/**
 * Creates and opens a user's mail database ({@code mail.<user>}): the one seam between the users
 * directory and the mail store's schema, so the directory can be tested without the store.
 */
public interface UserMailFactory {
    /** The database name of a user's mail. */
    static String databaseName(String user) {
        return "mail." + user;
    }

    /**
     * Creates the user's mail database with its default mailboxes (on every peer, through
     * {@link Databases#create}); when it exists already (an earlier, interrupted creation) opens it.
     */
    UserMail create(Databases databases, String user);

    /** The user's mail, or empty when its database has not reached this node yet. */
    Optional<UserMail> open(Databases databases, String user);
}
