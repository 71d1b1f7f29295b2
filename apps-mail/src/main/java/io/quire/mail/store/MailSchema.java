package io.quire.mail.store;

import io.quire.sdk.Database;
import io.quire.sdk.DatabaseName;
import io.quire.sdk.Databases;
import io.quire.sdk.QuireException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The mail schema ({@code mail-schema.yaml} beside this class) and the entry points that create and
 * open a user's mail database, {@code mail.<lower-cased user>}.
 *
 * <p>One {@link DatabaseUserMail} is kept per open {@link Database} instance: its lock is what
 * serialises UID allocation, so everybody in the process must share it. {@link #create} and
 * {@link #open} hand out that shared instance.
 */
public final class MailSchema {
    /** The schema resource, relative to this class. */
    public static final String RESOURCE = "mail-schema.yaml";
    private static final String TEXT = load();
    /** Keyed by instance (databases do not override equals): one mail view per open database. */
    private static final Map<Database, DatabaseUserMail> OPEN = new ConcurrentHashMap<>();

    private MailSchema() {
    }

    /** The schema text (YAML), as stored in every user's mail database. */
    public static String text() {
        return TEXT;
    }

    /** The database name of a user's mail: {@code mail.} and the user name lower-cased. */
    public static String databaseName(String user) {
        String name = "mail." + user.toLowerCase(Locale.ROOT);
        String problem = DatabaseName.problem(name);
        if (problem != null) throw new MailStoreException(MailStoreException.Kind.NO_SUCH_USER, "no mail database for '" + user + "': " + problem);
        return name;
    }

    /**
     * Creates the user's mail database with the default mailboxes; when it exists already (created
     * by an earlier, interrupted call, or replicated from a peer) opens it and adds the default
     * mailboxes that are missing.
     */
    public static DatabaseUserMail create(Databases databases, String user) {
        return create(databases, user, MailOptions.defaults());
    }

    /** {@link #create(Databases, String)} with options for the mail view, if this call makes it. */
    public static DatabaseUserMail create(Databases databases, String user, MailOptions options) {
        String name = databaseName(user);
        Database db;
        try {
            db = databases.create(name, TEXT);
        } catch (QuireException.AlreadyExists e) {
            db = databases.require(name);
        }
        DatabaseUserMail mail = attach(db, user, options);
        mail.ensureDefaults();
        return mail;
    }

    /** The user's mail, or empty when its database does not exist on this node (yet). */
    public static Optional<DatabaseUserMail> open(Databases databases, String user) {
        return open(databases, user, MailOptions.defaults());
    }

    /** {@link #open(Databases, String)} with options for the mail view, if this call makes it. */
    public static Optional<DatabaseUserMail> open(Databases databases, String user, MailOptions options) {
        return databases.open(databaseName(user)).map(db -> attach(db, user, options));
    }

    /** The shared mail view of an open database (made on first use: builds its index). */
    public static DatabaseUserMail attach(Database db, String user) {
        return attach(db, user, MailOptions.defaults());
    }

    /** {@link #attach(Database, String)}; {@code options} apply when this call makes the view. */
    public static DatabaseUserMail attach(Database db, String user, MailOptions options) {
        // computeIfAbsent blocks only callers of the same database while its index is built.
        return OPEN.computeIfAbsent(db, d -> new DatabaseUserMail(d, user, options));
    }

    static void forget(Database db, DatabaseUserMail mail) {
        OPEN.remove(db, mail);
    }

    private static String load() {
        try (InputStream in = MailSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("resource " + RESOURCE + " is missing beside " + MailSchema.class.getName());
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
