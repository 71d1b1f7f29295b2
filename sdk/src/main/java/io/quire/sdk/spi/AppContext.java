package io.quire.sdk.spi;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.sdk.Databases;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.nio.file.Path;

/** What the server gives an app. */
public interface AppContext {
    Vertx vertx();

    /** This node's databases; creating one also creates it on every peer. */
    Databases databases();

    /** The app's section of the node configuration (e.g. the {@code mail:} map). */
    JsonNode config();

    String nodeName();

    /** A directory for the app's local, derived state (not replicated; may be rebuilt). */
    Path localStateDir();

    /**
     * The API router: routes added under {@code /api/v1/<app>/} are protected by the admin token
     * like every API route.
     */
    Router apiRouter();
}
