package io.quire.sdk.remote;

import io.quire.sdk.ChangeBatch;
import io.quire.sdk.ChangeListener;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows {@code GET /api/v1/db/{db}/changes?feed=sse} on a daemon thread and hands each
 * {@code change} event to a listener. After a dropped connection it reconnects with back-off from
 * the last commit it delivered, so no head is skipped and none is delivered twice.
 */
final class SseFeed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SseFeed.class);
    private static final long MIN_BACKOFF_MS = 250;
    private static final long MAX_BACKOFF_MS = 10_000;

    private final ApiClient api;
    private final String db;
    private final ChangeListener listener;
    private final Thread thread;
    private volatile String since;
    private volatile boolean closed;
    private volatile InputStream current;

    SseFeed(ApiClient api, String db, String since, ChangeListener listener) {
        this.api = api;
        this.db = db;
        this.since = since;
        this.listener = listener;
        this.thread = Thread.ofPlatform().daemon().name("quire-sse-" + db).unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    private void run() {
        long backoff = MIN_BACKOFF_MS;
        while (!closed) {
            try {
                HttpResponse<InputStream> r = api.stream(ApiClient.path("db", db, "changes")
                        + "?feed=sse&since=" + ApiClient.encode(since));
                current = r.body();
                if (r.statusCode() != 200) {
                    r.body().close();
                    LOG.warn("event=change_feed_refused db={} status={}", db, r.statusCode());
                } else {
                    backoff = MIN_BACKOFF_MS;
                    read(r.body());
                }
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                if (!closed) LOG.debug("event=change_feed_dropped db={} error={}", db, e.toString());
            }
            if (closed) return;
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException e) {
                return;
            }
            backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
        }
    }

    /** Parses the event stream (WHATWG HTML, "server-sent events"): fields up to a blank line make one event. */
    private void read(InputStream in) throws java.io.IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String event = "message";
            StringBuilder data = new StringBuilder();
            for (String line; !closed && (line = reader.readLine()) != null; ) {
                if (line.isEmpty()) {
                    if ("change".equals(event) && !data.isEmpty()) deliver(data.toString());
                    event = "message";
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    event = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    if (!data.isEmpty()) data.append('\n');
                    data.append(line.substring(5).stripLeading());
                }
            }
        }
    }

    private void deliver(String json) {
        ChangeBatch batch = ChangeWire.fromJson(ApiClient.parse(json.getBytes(StandardCharsets.UTF_8)));
        since = batch.until();
        try {
            listener.onChange(batch);
        } catch (RuntimeException e) {
            LOG.error("event=change_listener_failed db={}", db, e);
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        InputStream in = current;
        if (in != null) {
            try {
                in.close();
            } catch (java.io.IOException e) {
                // the feed thread sees the closed stream and stops
            }
        }
    }
}
