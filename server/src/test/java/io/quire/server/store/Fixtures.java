package io.quire.server.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.merge.document.DocumentCodec;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.URIish;

/** Shared test data: the contacts schema of INTERFACES.md and small helpers. */
public final class Fixtures {
    /** The contacts schema of INTERFACES.md (with a second type whose delete-vs-edit rule is edit-wins). */
    public static final String CONTACTS = """
            name: contacts
            version: 1
            types:
              contact:
                onConflict: delete-wins
                fields:
                  name:   { type: string,  required: true, merge: lww }
                  emails: { type: array, items: string, merge: set }
                  visits: { type: integer, merge: counter }
                  score:  { type: number,  merge: max }
                  notes:  { type: string,  merge: text }
                  avatar: { type: blob,    merge: immutable }
              note:
                onConflict: edit-wins
                fields:
                  text: { type: string, merge: text }
            """;

    private Fixtures() {
    }

    /** A document id of type {@code contact}. */
    static io.quire.sdk.DocumentId contact(String id) {
        return io.quire.sdk.DocumentId.of("contact", id);
    }

    /**
     * 2,000 contacts with random notes in one commit, then a full repack (as pruning does): one
     * large base pack, beside which the packs of later commits are small.
     */
    static void writeLargeBasePack(GitDatabase db) throws IOException {
        io.quire.sdk.Transaction.Builder big = io.quire.sdk.Transaction.builder();
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 2_000; i++) {
            byte[] notes = new byte[100];
            random.nextBytes(notes);
            big.put(contact("c" + i), json("{\"name\":\"n" + i + "\",\"notes\":\"" + java.util.HexFormat.of().formatHex(notes) + "\"}"));
        }
        db.commit(big.build());
        Compaction.repack(db.repository(), true);
    }

    static ObjectNode json(String text) {
        try {
            return (ObjectNode) DocumentCodec.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Fetches {@code from}'s main into {@code into} as {@code refs/heads/<branch>} with a real Git transport. */
    static void fetchMain(GitDatabase from, GitDatabase into, String branch) throws GitAPIException, java.net.URISyntaxException {
        File dir = from.repository().getDirectory();
        Git.wrap(into.repository()).fetch()
                .setRemote(new URIish(dir.toURI().toString()).toString())
                .setRefSpecs(new RefSpec("+refs/heads/main:refs/heads/" + branch))
                .call();
    }

    /** Node directories {@code dir/a} and {@code dir/b}, each with a replica of one seeded contacts database. */
    static void seedTwoReplicas(Path dir) throws IOException {
        try (GitDatabases a = new GitDatabases(dir.resolve("a"), "a")) {
            a.create("contacts", CONTACTS).put(contact("seed"), json("{\"name\":\"seed\"}"));
        }
        copyOf(dir.resolve("a"), dir.resolve("b"));
    }

    static Path copyOf(Path src, Path dst) throws IOException {
        try (var s = java.nio.file.Files.walk(src)) {
            for (Path p : s.toList()) {
                Path t = dst.resolve(src.relativize(p).toString());
                if (java.nio.file.Files.isDirectory(p)) java.nio.file.Files.createDirectories(t);
                else java.nio.file.Files.copy(p, t);
            }
        }
        return dst;
    }
}
