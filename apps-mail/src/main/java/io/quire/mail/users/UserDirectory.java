package io.quire.mail.users;

import io.quire.sdk.Database;
import io.quire.sdk.Databases;
import io.quire.sdk.Document;
import io.quire.sdk.DocumentId;
import io.quire.sdk.Page;
import io.quire.sdk.QuireException;
import io.quire.sdk.Revision;
import io.quire.sdk.Transaction;
import io.quire.sdk.remote.Wire;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The mail users of the cluster, kept in the replicated database {@value UsersSchema#DATABASE}:
 * create, list, look up by address, check passwords. Blocking calls; thread-safe.
 *
 * <p>The directory database is created by the first user creation, not at start-up: a node that
 * created it at start would give every node of a new cluster its own unrelated history of the same
 * database, which replication can merge but which is pointless churn. A node that has not received
 * it yet simply knows no users.
 */
public final class UserDirectory {
    /** Longest accepted password: Argon2 takes any length, but a megabyte "password" is an attack, not a secret. */
    static final int MAX_PASSWORD = 1024;
    private static final Revision ABSENT = new Revision(Transaction.ABSENT);

    private final Databases databases;
    private final Addresses addresses;
    private final PasswordHasher hasher;
    private final UserMailFactory mail;
    private final Clock clock;
    private volatile Database db;

    public UserDirectory(Databases databases, Addresses addresses, PasswordHasher hasher, UserMailFactory mail, Clock clock) {
        this.databases = databases;
        this.addresses = addresses;
        this.hasher = hasher;
        this.mail = mail;
        this.clock = clock;
    }

    public Addresses addresses() {
        return addresses;
    }

    /** A user to create: name, clear-text password and aliases, as the API received them. */
    public record NewUser(String name, String password, List<String> aliases) {
        public NewUser {
            aliases = aliases == null ? List.of() : List.copyOf(aliases);
        }
    }

    /**
     * Creates a user: its mail database first (default mailboxes, on every peer), then its directory
     * entry, so a user is never visible here without a mailbox to deliver to.
     */
    public CreateUserOutcome create(NewUser request) {
        String name = Addresses.normalize(request.name());
        Optional<String> problem = addresses.problem(name);
        if (problem.isPresent()) return new CreateUserOutcome.Invalid(problem.get());
        String password = request.password();
        if (password == null || password.isBlank()) return new CreateUserOutcome.Invalid("a non-empty password is required");
        if (password.length() > MAX_PASSWORD) return new CreateUserOutcome.Invalid("the password is longer than " + MAX_PASSWORD + " characters");
        Set<String> aliases = new TreeSet<>();
        for (String a : request.aliases()) {
            String alias = Addresses.normalize(a);
            Optional<String> p = addresses.problem(alias);
            if (p.isPresent()) return new CreateUserOutcome.Invalid("alias: " + p.get());
            if (!alias.equals(name)) aliases.add(alias);
        }
        Database d = databaseForWrite();
        for (String address : concat(name, aliases)) {
            Optional<String> owner = owner(d, address);
            if (owner.isPresent()) return new CreateUserOutcome.Taken(address, owner.get().equals(address)
                    ? "a user named " + address + " exists already" : address + " is already an alias of " + owner.get());
        }
        UserRecord user = new UserRecord(name, hasher.hash(password), aliases, clock.instant().truncatedTo(ChronoUnit.MILLIS));
        mail.create(databases, name);
        Transaction.Builder tx = Transaction.builder().message("mail: create user " + name);
        tx.put(DocumentId.of(UsersSchema.USER, name), user.toDocument(), ABSENT);
        for (String alias : aliases) tx.put(DocumentId.of(UsersSchema.ALIAS, alias), Wire.object().put("user", name), ABSENT);
        try {
            d.commit(tx.build());
        } catch (QuireException.PreconditionFailed e) {
            return new CreateUserOutcome.Taken(name, "the name or an alias was taken at the same moment by another request");
        }
        return new CreateUserOutcome.Created(user);
    }

    /** The user with this name (any case), if it exists on this node. */
    public Optional<UserRecord> get(String name) {
        String n = Addresses.normalize(name);
        if (DocumentId.problem(UsersSchema.USER, n) != null) return Optional.empty();
        return database().flatMap(d -> d.get(DocumentId.of(UsersSchema.USER, n))).map(doc -> UserRecord.fromDocument(doc.data()));
    }

    /** Every user, by name. */
    public List<UserRecord> list() {
        Optional<Database> d = database();
        if (d.isEmpty()) return List.of();
        List<UserRecord> out = new ArrayList<>();
        Optional<String> after = Optional.empty();
        do {
            Page page = d.get().list(UsersSchema.USER, after, 500);
            for (Document doc : page.documents()) out.add(UserRecord.fromDocument(doc.data()));
            after = page.next();
        } while (after.isPresent());
        out.sort(Comparator.comparing(UserRecord::name));
        return out;
    }

    /** The user mail for {@code address} goes to: a user name, an alias, or either with a {@code +detail} removed. */
    public Optional<String> resolve(String address) {
        Optional<Database> d = database();
        if (d.isEmpty()) return Optional.empty();
        for (String candidate : addresses.candidates(address)) {
            if (!addresses.isLocal(candidate)) continue;
            Optional<String> owner = owner(d.get(), candidate);
            if (owner.isPresent()) return owner;
        }
        return Optional.empty();
    }

    /** The user a name/password pair authenticates, or empty; as slow for unknown names as for known ones. */
    public Optional<String> authenticate(String name, String password) {
        if (password == null || password.length() > MAX_PASSWORD) return Optional.empty();
        Optional<UserRecord> user = get(name);
        if (user.isEmpty()) {
            hasher.burn(password);
            return Optional.empty();
        }
        return hasher.verify(password, user.get().passwordHash()) ? Optional.of(user.get().name()) : Optional.empty();
    }

    /** Who {@code address} belongs to: itself when it is a user, the user it aliases, or empty. */
    private static Optional<String> owner(Database d, String address) {
        if (DocumentId.problem(UsersSchema.USER, address) != null) return Optional.empty();
        if (d.get(DocumentId.of(UsersSchema.USER, address)).isPresent()) return Optional.of(address);
        return d.get(DocumentId.of(UsersSchema.ALIAS, address)).map(a -> a.data().path("user").asText());
    }

    private Optional<Database> database() {
        Database d = db;
        if (d != null) return Optional.of(d);
        Optional<Database> opened = databases.open(UsersSchema.DATABASE);
        opened.ifPresent(x -> db = x);
        return opened;
    }

    private synchronized Database databaseForWrite() {
        Optional<Database> existing = database();
        if (existing.isPresent()) return existing.get();
        try {
            db = databases.create(UsersSchema.DATABASE, UsersSchema.TEXT);
        } catch (QuireException.AlreadyExists e) {
            db = databases.require(UsersSchema.DATABASE); // arrived by replication meanwhile
        }
        return db;
    }

    private static List<String> concat(String first, Set<String> rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }
}
