package io.quire.sdk;

import java.util.List;
import java.util.Optional;

/** The databases of one Quire node (embedded in this JVM, or remote over HTTP). */
public interface Databases extends AutoCloseable {
    /** Creates a database with a schema given as JSON or YAML text. */
    Database create(String name, String schemaText);

    Optional<Database> open(String name);

    default Database require(String name) {
        return open(name).orElseThrow(() -> new QuireException.NotFound("no database named '" + name + "'"));
    }

    List<String> list();

    @Override
    void close();
}
