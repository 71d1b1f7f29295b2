package io.quire.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.sdk.ChangeBatch;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the SDK example and checks that docs/sdk.md quotes it word for word. */
class ContactsExampleTest {
    @TempDir
    Path dir;

    @Test
    void theSdkExampleRunsAndItsListenerSeesEveryCommit() throws Exception {
        List<ChangeBatch> seen = ContactsExample.run(dir);
        long deadline = System.currentTimeMillis() + 5_000;
        while (seen.size() < 3 && System.currentTimeMillis() < deadline) Thread.sleep(20);
        assertEquals(3, seen.size(), "one change batch per commit: " + seen);
        assertTrue(seen.get(2).changes().stream().anyMatch(c -> c.id().id().equals("ann") && c.deleted()));
    }

    @Test
    void docsSdkQuotesTheCompiledExample() throws Exception {
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.exists(root.resolve("docs/sdk.md"))) root = root.getParent();
        assertTrue(root != null, "docs/sdk.md not found");
        String doc = Files.readString(root.resolve("docs/sdk.md"), StandardCharsets.UTF_8);
        String src = Files.readString(root.resolve("server/src/test/java/io/quire/examples/ContactsExample.java"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("// --- example: (\\w+)\\n(.*?)\\n\\s*// --- end", Pattern.DOTALL).matcher(src);
        int n = 0;
        while (m.find()) {
            String snippet = m.group(2).stripIndent().strip();
            assertTrue(doc.contains(snippet), "docs/sdk.md does not quote the '" + m.group(1) + "' part of the example:\n" + snippet);
            n++;
        }
        assertEquals(3, n);
    }
}
