package io.quire.sdk.spi;

import io.quire.sdk.Databases;
import java.nio.file.Path;

/** Implemented by the server module so that {@code Quire.embedded(...)} can open a local store. */
public interface EmbeddedProvider {
    Databases open(Path dataDir, String nodeName);
}
