package io.quire.mail.maildir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Test data: the checked-in Maildir fixture and the shared real-mail corpus. */
public final class Fixtures {

    /** The corpus of real messages shared by the project ({@code /work/shared/corpus}, see its README). */
    public static final Path CORPUS = locateCorpus();

    private Fixtures() {
    }

    private static Path locateCorpus() {
        String configured = System.getProperty("quire.corpus", System.getenv("QUIRE_CORPUS"));
        if (configured != null) {
            return Path.of(configured);
        }
        // The module runs from apps-mail/; the corpus sits next to the repository (../shared/corpus from its root).
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/corpus");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return Path.of("/work/shared/corpus");
    }

    /**
     * Copies a fixture tree from the test resources into {@code target}, adding the {@code new/} and {@code tmp/}
     * directories Git cannot store empty, and setting each message's modification time from the leading seconds
     * of its name (Git does not keep modification times).
     */
    public static Path copyMaildir(String resource, Path target) throws IOException {
        Path source;
        try {
            source = Path.of(Fixtures.class.getResource(resource).toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        List<Path> all;
        try (Stream<Path> walk = Files.walk(source)) {
            all = new ArrayList<>(walk.toList());
        }
        for (Path p : all) {
            Path dest = target.resolve(source.relativize(p).toString());
            if (Files.isDirectory(p)) {
                Files.createDirectories(dest);
                if (Files.isDirectory(p.resolve("cur"))) {
                    Files.createDirectories(dest.resolve("new"));
                    Files.createDirectories(dest.resolve("tmp"));
                }
            } else {
                Files.copy(p, dest);
                String name = p.getFileName().toString();
                int dot = name.indexOf('.');
                if (dot > 0 && name.substring(0, dot).matches("\\d+")) {
                    Files.setLastModifiedTime(dest,
                            FileTime.from(Instant.ofEpochSecond(Long.parseLong(name.substring(0, dot)))));
                }
            }
        }
        return target;
    }

    /** A corpus file. */
    public static Path corpus(String relative) {
        Path p = CORPUS.resolve(relative);
        if (!Files.exists(p)) {
            throw new UncheckedIOException(new IOException("corpus file missing: " + p
                    + " (set -Dquire.corpus=DIR)"));
        }
        return p;
    }
}
