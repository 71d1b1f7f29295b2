package io.quire.mail.imap.server;

import io.quire.mail.store.MailSchema;
import io.quire.mail.store.UserMail;
import io.quire.mail.users.Addresses;
import io.quire.mail.users.CreateUserOutcome;
import io.quire.mail.users.DirectoryMailStore;
import io.quire.mail.users.PasswordHasher;
import io.quire.mail.users.UserDirectory;
import io.quire.mail.users.UserMailFactory;
import io.quire.sdk.Databases;
import io.quire.server.store.GitDatabases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The real mail store of one embedded node, as {@code MailApp} builds it: a users directory (Argon2id, with cheap
 * test parameters) and one Git-backed mail database per user ({@link MailSchema}), on tmpfs when there is one.
 */
public final class RealMailStore implements AutoCloseable {
    private static final PasswordHasher FAST = new PasswordHasher(new PasswordHasher.Params(1024, 1, 1));

    private final Path dir;
    private final GitDatabases databases;
    private final UserDirectory directory;
    private final DirectoryMailStore store;

    private RealMailStore(Path dir, String node) {
        this.dir = dir;
        this.databases = new GitDatabases(dir, node);
        UserMailFactory factory = new UserMailFactory() {
            @Override
            public UserMail create(Databases dbs, String user) {
                return MailSchema.create(dbs, user);
            }

            @Override
            public Optional<UserMail> open(Databases dbs, String user) {
                return MailSchema.open(dbs, user).map(m -> m);
            }
        };
        this.directory = new UserDirectory(databases, new Addresses(List.of("example.org")), FAST, factory,
                Clock.systemUTC());
        this.store = new DirectoryMailStore(directory, databases, factory);
    }

    /** A node with alice and bob ({@link TestServer} passwords) and their default mailboxes. */
    public static RealMailStore withTestUsers() {
        RealMailStore s = new RealMailStore(tempDir(), "n1");
        s.addUser(TestServer.ALICE, TestServer.ALICE_PASSWORD);
        s.addUser(TestServer.BOB, TestServer.BOB_PASSWORD);
        return s;
    }

    /** Creates a user. */
    public void addUser(String name, String password) {
        CreateUserOutcome outcome = directory.create(new UserDirectory.NewUser(name, password, List.of()));
        if (!(outcome instanceof CreateUserOutcome.Created)) {
            throw new IllegalStateException("cannot create " + name + ": " + outcome);
        }
    }

    /** The store the IMAP server serves. */
    public DirectoryMailStore store() {
        return store;
    }

    /** A user's mail, for test set-up and checks. */
    public UserMail mail(String user) {
        return store.user(user).orElseThrow();
    }

    /** The node's databases. */
    public GitDatabases databases() {
        return databases;
    }

    private static Path tempDir() {
        try {
            Path shm = Path.of("/dev/shm");
            return Files.isDirectory(shm) && Files.isWritable(shm) ? Files.createTempDirectory(shm, "quire-imap")
                    : Files.createTempDirectory("quire-imap");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        store.close();
        databases.close();
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
