package io.quire.bench.replication;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.LoggerFactory;

/**
 * Evidence from the nodes' own log events ({@code event=merged ... ms=}, {@code event=compacted},
 * {@code event=maintenance}, {@code event=push_failed}): which merges, repacks and failed pushes
 * happened during a measurement and how long they took. The store and replication loggers are raised
 * to INFO/DEBUG into this collector only; their warnings still reach stderr.
 */
final class ServerLog extends AppenderBase<ILoggingEvent> {
    private static final Pattern EVENT = Pattern.compile("^event=(\\S+)");
    private static final Pattern MS = Pattern.compile("\\bms=(\\d+)");
    private static final Map<String, Level> LOGGERS = Map.of(
            "io.quire.server.store.BranchMerge", Level.INFO,
            "io.quire.server.store.GitDatabase", Level.INFO,
            "io.quire.server.prune.Maintenance", Level.INFO,
            "io.quire.server.replication.Replicator", Level.DEBUG);

    /** One event: when (epoch ms), and the duration it reports (-1 when none). */
    record Seen(long at, long ms) {
    }

    private final Map<String, List<Seen>> events = new HashMap<>();

    private ServerLog() {
    }

    static ServerLog attach() {
        ServerLog log = new ServerLog();
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        log.setContext(ctx);
        log.start();
        for (Map.Entry<String, Level> e : LOGGERS.entrySet()) {
            Logger l = ctx.getLogger(e.getKey());
            l.setLevel(e.getValue());
            l.setAdditive(false);
            l.addAppender(log);
        }
        return log;
    }

    @Override
    protected synchronized void append(ILoggingEvent e) {
        String msg = e.getFormattedMessage();
        if (e.getLevel().isGreaterOrEqual(Level.WARN)) System.err.println(e.getLevel() + " " + e.getLoggerName() + " " + msg);
        Matcher m = EVENT.matcher(msg);
        if (!m.find()) return;
        Matcher ms = MS.matcher(msg);
        events.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(new Seen(e.getTimeStamp(), ms.find() ? Long.parseLong(ms.group(1)) : -1));
    }

    /** Forgets everything seen so far (each configuration starts clean). */
    synchronized void reset() {
        events.clear();
    }

    synchronized List<Seen> seen(String event) {
        return List.copyOf(events.getOrDefault(event, List.of()));
    }

    /** Count and p50 / max duration of an event, e.g. {@code 12 (p50 8, max 40 ms)}. */
    String describe(String event) {
        List<Seen> s = seen(event);
        if (s.isEmpty()) return "0";
        Samples d = new Samples();
        long total = 0;
        for (Seen x : s) {
            if (x.ms() >= 0) {
                d.add(x.ms() * 1_000_000L);
                total += x.ms();
            }
        }
        if (d.count() == 0) return String.valueOf(s.size());
        return s.size() + " (p50 " + MdTable.num(d.millis(0.5), 0) + ", max " + MdTable.num(d.millis(1.0), 0) + ", total "
                + MdTable.num(total, 0) + " ms)";
    }
}
