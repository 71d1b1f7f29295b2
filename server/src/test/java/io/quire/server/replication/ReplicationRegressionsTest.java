package io.quire.server.replication;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Replays every schedule the replication properties ever shrank to (src/test/resources/regressions/replication). */
class ReplicationRegressionsTest {
    @TempDir
    Path dir;

    static Stream<Path> schedules() throws IOException, URISyntaxException {
        Path root = Path.of(ReplicationRegressionsTest.class.getResource("/regressions/replication").toURI());
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(p -> p.toString().endsWith(".txt")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schedules")
    void aScheduleThatOnceFailedNowConvergesAndLosesNothing(Path file) throws IOException {
        int nodes = 0;
        List<ReplicationProperties.Action> actions = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] w = line.trim().split("\\s+");
            if (w[0].isEmpty() || w[0].startsWith("#")) continue;
            switch (w[0]) {
                case "nodes" -> nodes = Integer.parseInt(w[1]);
                case "Write" -> actions.add(new ReplicationProperties.Write(i(w[1]), i(w[2])));
                case "Delete" -> actions.add(new ReplicationProperties.Delete(i(w[1]), i(w[2])));
                case "Deliver" -> actions.add(new ReplicationProperties.Deliver(i(w[1]), i(w[2])));
                case "Cut" -> actions.add(new ReplicationProperties.Cut(i(w[1]), i(w[2])));
                case "Heal" -> actions.add(new ReplicationProperties.Heal(i(w[1]), i(w[2])));
                case "Crash" -> actions.add(new ReplicationProperties.Crash(i(w[1])));
                case "Prune" -> actions.add(new ReplicationProperties.Prune(i(w[1])));
                default -> throw new IllegalArgumentException(file + ": unknown action " + w[0]);
            }
        }
        try (SimulatedCluster c = new SimulatedCluster(dir, nodes)) {
            ReplicationProperties.run(c, actions, nodes);
        }
    }

    private static int i(String s) {
        return Integer.parseInt(s);
    }
}
