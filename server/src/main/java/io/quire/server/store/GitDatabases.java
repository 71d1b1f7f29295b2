package io.quire.server.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.merge.document.DocumentCodec;
import io.quire.schema.Schema;
import io.quire.schema.parse.SchemaException;
import io.quire.schema.parse.SchemaWriter;
import io.quire.sdk.Database;
import io.quire.sdk.DatabaseName;
import io.quire.sdk.Databases;
import io.quire.sdk.QuireException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.eclipse.jgit.internal.storage.file.FileRepository;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The databases of this node: one bare repository each under {@code <dataDir>/dbs/<name>.git}.
 * A database is created in a temporary directory and renamed into place, so a crash never leaves a
 * half-created one behind.
 */
public final class GitDatabases implements Databases {
    private static final Logger log = LoggerFactory.getLogger(GitDatabases.class);

    private final Path dbDir;
    private final String node;
    private final Map<String, GitDatabase> open = new ConcurrentHashMap<>();
    private final List<Consumer<GitDatabase>> createdListeners = new CopyOnWriteArrayList<>();

    public GitDatabases(Path dataDir, String nodeName) {
        this.node = nodeName;
        this.dbDir = dataDir.resolve("dbs");
        RepositoryFiles.tuneCaches();
        try {
            Files.createDirectories(dbDir);
            try (Stream<Path> s = Files.list(dbDir)) {
                for (Path p : s.toList()) {
                    String f = p.getFileName().toString();
                    if (f.startsWith(".tmp-")) {
                        deleteTree(p); // an interrupted creation
                    } else if (f.endsWith(".git") && DatabaseName.problem(f.substring(0, f.length() - 4)) == null) {
                        String name = f.substring(0, f.length() - 4);
                        open.put(name, new GitDatabase(name, node, RepositoryFiles.open(p.toFile())));
                    }
                }
            }
        } catch (IOException e) {
            throw new QuireException.Unavailable("cannot open the data directory " + dataDir + ": " + e.getMessage());
        }
        log.info("event=databases_opened node={} dir={} count={}", node, dbDir, open.size());
    }

    public String node() {
        return node;
    }

    public Path directory() {
        return dbDir;
    }

    public static Schema parseSchema(String schemaText) {
        try {
            return MergeEngine.parseSchema(schemaText);
        } catch (SchemaException e) {
            throw new QuireException.InvalidSchema("the schema is invalid: " + e.getMessage(), e.problems());
        }
    }

    @Override
    public GitDatabase create(String name, String schemaText) {
        DatabaseName.require(name);
        Schema schema = parseSchema(schemaText);
        synchronized (this) {
            if (open.containsKey(name)) throw new QuireException.AlreadyExists("database '" + name + "' already exists");
            Path tmp = dbDir.resolve(".tmp-" + name + "-" + UUID.randomUUID());
            Path target = dbDir.resolve(name + ".git");
            try {
                try (FileRepository repo = RepositoryFiles.create(tmp.toFile())) {
                    writeInitialCommit(repo, name, schema);
                }
                moveIntoPlace(tmp, target);
                GitDatabase db = new GitDatabase(name, node, RepositoryFiles.open(target.toFile()));
                open.put(name, db);
                log.info("event=database_created db={} node={}", name, node);
                for (Consumer<GitDatabase> l : createdListeners) l.accept(db);
                return db;
            } catch (IOException e) {
                deleteTree(tmp);
                throw new QuireException.Unavailable("cannot create database '" + name + "': " + e.getMessage());
            }
        }
    }

    /** Fills an empty repository (e.g. by fetching a peer's main). */
    @FunctionalInterface
    public interface RepositoryFiller {
        void fill(FileRepository empty) throws IOException;
    }

    /**
     * Creates a local replica of a database that exists elsewhere: {@code filler} fetches its main
     * into a fresh repository, which is renamed into place only when complete.
     */
    public GitDatabase adoptReplica(String name, RepositoryFiller filler) {
        DatabaseName.require(name);
        synchronized (this) {
            GitDatabase existing = open.get(name);
            if (existing != null) return existing;
            Path tmp = dbDir.resolve(".tmp-" + name + "-" + UUID.randomUUID());
            Path target = dbDir.resolve(name + ".git");
            try {
                try (FileRepository repo = RepositoryFiles.create(tmp.toFile())) {
                    filler.fill(repo);
                    if (repo.exactRef(StoreLayout.MAIN_REF) == null) throw new IOException("the replica has no main branch");
                }
                moveIntoPlace(tmp, target);
                GitDatabase db = new GitDatabase(name, node, RepositoryFiles.open(target.toFile()));
                open.put(name, db);
                log.info("event=replica_adopted db={} node={}", name, node);
                return db;
            } catch (IOException | RuntimeException e) {
                deleteTree(tmp);
                throw new QuireException.Unavailable("cannot create a replica of '" + name + "': " + e.getMessage());
            }
        }
    }

    /** Called with each database created here (replication announces it to peers). */
    public void onCreated(Consumer<GitDatabase> listener) {
        createdListeners.add(listener);
    }

    private void writeInitialCommit(FileRepository repo, String name, Schema schema) throws IOException {
        ObjectNode meta = DocumentCodec.MAPPER.createObjectNode();
        meta.put("name", name);
        meta.put("replicaId", UUID.randomUUID().toString());
        meta.put("createdBy", node);
        meta.put("createdAt", Instant.now().toString());
        CommitWriter writer = new CommitWriter(repo);
        try (ObjectInserter ins = Compaction.inserter(repo)) {
            ObjectId metaBlob = ins.insert(Constants.OBJ_BLOB, DocumentCodec.canonical(meta));
            ObjectId schemaBlob = ins.insert(Constants.OBJ_BLOB, SchemaWriter.toJson(schema).getBytes(StandardCharsets.UTF_8));
            PersistentTree tree = PersistentTree.empty(repo).with(Map.of(
                    StoreLayout.META_DIR + "/" + StoreLayout.DATABASE_FILE, metaBlob,
                    StoreLayout.META_DIR + "/" + StoreLayout.SCHEMA_FILE, schemaBlob)).write(ins);
            ObjectId c = CommitWriter.commit(ins, tree.id(), List.of(), CommitWriter.ident(node, Instant.now()),
                    "quire: create database " + name);
            writer.flushDurably(ins);
            if (!writer.moveRef(StoreLayout.MAIN_REF, null, c)) throw new IOException("main already exists");
        }
    }

    private static void moveIntoPlace(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target);
        }
        if (PackDurability.ENABLED) PackDurability.syncDirectory(target.getParent());
    }

    @Override
    public Optional<Database> open(String name) {
        return Optional.ofNullable(get(name));
    }

    /** The database, or null; invalid names simply do not exist. */
    public GitDatabase get(String name) {
        return name == null ? null : open.get(name);
    }

    @Override
    public List<String> list() {
        List<String> names = new ArrayList<>(open.keySet());
        names.sort(null);
        return names;
    }

    public List<GitDatabase> all() {
        return List.copyOf(open.values());
    }

    @Override
    public void close() {
        for (GitDatabase db : open.values()) {
            try {
                db.close();
            } catch (RuntimeException e) {
                log.warn("event=close_failed db={} error={}", db.name(), e.toString());
            }
        }
        open.clear();
    }

    static void deleteTree(Path p) {
        if (!Files.exists(p)) return;
        try (Stream<Path> s = Files.walk(p)) {
            s.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            log.warn("event=cleanup_failed path={} error={}", p, e.toString());
        }
    }
}
