package io.quire.server.replication.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.merge.document.DocumentCodec;
import io.quire.sdk.DocumentId;
import io.quire.server.prune.ShallowSet;
import io.quire.server.store.Compaction;
import io.quire.server.store.GitDatabase;
import io.quire.server.store.GitDatabases;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stock git clones a pruned replica over smart HTTP: the server tells it the shallow boundaries
 * (JGit's server alone does not, and the clone failed with "did not receive expected object").
 */
class StockGitCloneOfPrunedReplicaTest {
    static final String TOKEN = "clone-test-token-0123456789";
    static final String SCHEMA = "name: c\nversion: 1\ntypes:\n  doc:\n    fields:\n      v: { type: integer, merge: max }\n";

    @TempDir
    Path dir;

    @Test
    void stockGitClonesAPrunedReplicaIntoAShallowRepository() throws Exception {
        Vertx vertx = Vertx.vertx();
        try (GitDatabases dbs = new GitDatabases(dir.resolve("node"), "n0")) {
            dbs.create("notes", SCHEMA);
            GitDatabase db = dbs.get("notes");
            for (int i = 0; i < 30; i++) {
                ObjectNode data = DocumentCodec.MAPPER.createObjectNode().put("v", i);
                db.put(DocumentId.of("doc", "d" + (i % 4)), data);
            }
            ObjectId horizon;
            try (RevWalk rw = new RevWalk(db.repository())) {
                RevCommit c = rw.parseCommit(db.currentHead().commit());
                for (int i = 0; i < 10; i++) c = rw.parseCommit(c.getParent(0));
                horizon = c.copy();
            }
            db.exclusive(() -> { // as a prune does: a boundary, then a repack that drops what lies below
                ShallowSet.add(db.repository(), Set.of(horizon));
                Compaction.repack(db.repository(), true);
                return null;
            });

            Router router = Router.router(vertx);
            new GitHttpService(vertx, dbs, TOKEN, Optional.empty(), Set.of(), (d, p, h) -> { }).mount(router);
            HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);

            for (String protocol : List.of("version=2", "version=0")) {
                Path clone = dir.resolve("clone-" + protocol);
                String out = git(dir, "-c", "protocol.version=" + protocol.split("=")[1], "clone", "-q", "--bare", "http://admin:" + TOKEN + "@127.0.0.1:" + server.actualPort() + "/git/notes.git", clone.toString());
                assertEquals(db.head(), git(dir, "--git-dir", clone.toString(), "rev-parse", "refs/heads/main").trim(), out);
                assertEquals(horizon.name(), Files.readString(clone.resolve("shallow")).trim(), "the clone is shallow at the horizon");
                assertEquals("11", git(dir, "--git-dir", clone.toString(), "rev-list", "--count", "refs/heads/main").trim());
                git(dir, "--git-dir", clone.toString(), "fsck", "--strict");
            }

            // Later commits reach the shallow clone with a plain fetch; ls-remote works too.
            for (int i = 30; i < 33; i++) db.put(DocumentId.of("doc", "d0"), DocumentCodec.MAPPER.createObjectNode().put("v", i));
            Path clone = dir.resolve("clone-version=2");
            String url = "http://admin:" + TOKEN + "@127.0.0.1:" + server.actualPort() + "/git/notes.git";
            git(dir, "--git-dir", clone.toString(), "fetch", "-q", url, "+refs/heads/main:refs/heads/main");
            assertEquals(db.head(), git(dir, "--git-dir", clone.toString(), "rev-parse", "refs/heads/main").trim());
            assertTrue(git(dir, "ls-remote", url).contains(db.head() + "\trefs/heads/main"));
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    /** Runs stock git; fails the test with its output when it fails. */
    static String git(Path cwd, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("git", "-c", "credential.helper="));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(false).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "git " + cmd + " did not finish");
        assertEquals(0, p.exitValue(), "git " + String.join(" ", args) + ":\n" + out + err);
        return out;
    }
}
