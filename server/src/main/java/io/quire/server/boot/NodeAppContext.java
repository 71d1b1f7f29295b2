package io.quire.server.boot;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.sdk.Databases;
import io.quire.sdk.spi.AppContext;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.nio.file.Path;

/** What a running node gives each app: its section of the configuration and a place for local state. */
record NodeAppContext(Vertx vertx, Databases databases, JsonNode config, String nodeName, Path localStateDir,
                      Router apiRouter) implements AppContext {
}
