package io.quire.examples;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.merge.MergeOutcome;
import io.quire.merge.MergePolicy;
import io.quire.sdk.ChangeBatch;
import io.quire.sdk.Database;
import io.quire.sdk.Databases;
import io.quire.sdk.DocumentId;
import io.quire.sdk.Quire;
import io.quire.sdk.Revision;
import io.quire.sdk.Transaction;
import io.quire.server.store.MergeEngine;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The example of docs/sdk.md, compiled and run by {@link ContactsExampleTest}. */
public final class ContactsExample {
    // --- example: types
    /** A typed document: Jackson binds the stored JSON to it. */
    public record Contact(String name, List<String> emails, Long visits) {
    }
    // --- end

    public static List<ChangeBatch> run(Path dataDir) throws Exception {
        // --- example: open
        String schema = """
                name: contacts
                version: 1
                types:
                  contact:
                    onConflict: delete-wins
                    fields:
                      name:   { type: string, required: true, merge: lww }
                      emails: { type: array, items: string, merge: set }
                      visits: { type: integer, merge: counter }
                      rank:   { type: string, merge: longest }
                """;
        // A merge policy written in Java, registered before any database uses it.
        MergePolicy longest = in -> new MergeOutcome.Clean(
                in.ours().value().asText().length() >= in.theirs().value().asText().length() ? in.ours().value() : in.theirs().value());
        MergeEngine.policies().register("longest", longest);

        try (Databases quire = Quire.embedded(dataDir, "laptop")) {
            Database db = quire.open("contacts").orElseGet(() -> quire.create("contacts", schema));
            // --- end

            // --- example: write
            List<ChangeBatch> seen = new CopyOnWriteArrayList<>();
            AutoCloseable listening = db.listen(seen::add);

            ObjectMapper json = new ObjectMapper();
            DocumentId ann = DocumentId.of("contact", "ann");
            Revision rev = db.put(ann, json.valueToTree(new Contact("Ann", List.of("ann@example.org"), 1L)));

            // Optimistic concurrency: this write only succeeds if nobody changed Ann meanwhile.
            ObjectNode visited = json.valueToTree(new Contact("Ann", List.of("ann@example.org"), 2L));
            db.put(ann, visited, rev);

            // Several writes, one atomic commit.
            db.commit(Transaction.builder()
                    .put(DocumentId.of("contact", "bob"), json.valueToTree(new Contact("Bob", List.of(), 0L)))
                    .delete(ann)
                    .message("Bob replaces Ann")
                    .build());

            Contact bob = db.get(DocumentId.of("contact", "bob"), Contact.class).orElseThrow();
            System.out.println(bob.name() + " has " + bob.visits() + " visits; head " + db.head());
            listening.close();
            // --- end
            return seen;
        }
    }
}
