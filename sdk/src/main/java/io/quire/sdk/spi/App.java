package io.quire.sdk.spi;

import io.vertx.core.Future;

/**
 * An application plugged into the server (mail is the first). Found with
 * {@link java.util.ServiceLoader}; started after the store and HTTP API are up, stopped before them.
 */
public interface App {
    /** Short name; also the key of the app's section in the node configuration (e.g. {@code mail}). */
    String name();

    /** Starts the app: listeners, routes. Only called when the configuration has the app's section. */
    Future<Void> start(AppContext context);

    Future<Void> stop();
}
