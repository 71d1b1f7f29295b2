package io.quire.server.http;

/**
 * What the HTTP API needs from the node configuration.
 *
 * @param host              interface to listen on
 * @param port              port to listen on (0: any free port, see {@link HttpVerticle#actualPort()})
 * @param nodeName          this node's name, shown by {@code /api/v1/health}
 * @param adminToken        the bearer token every {@code /api/v1} call except health must carry
 * @param maxBodyBytes      larger request bodies are refused with 413
 * @param maxLongPollMillis upper bound on a long-poll's {@code timeout}
 * @param heartbeatMillis   how often an idle event stream gets a comment line, so proxies keep it open
 */
public record HttpSettings(String host, int port, String nodeName, String adminToken, long maxBodyBytes,
                           long maxLongPollMillis, long heartbeatMillis) {
    public static final long DEFAULT_MAX_BODY_BYTES = 16L * 1024 * 1024;
    public static final long DEFAULT_MAX_LONG_POLL_MILLIS = 300_000;
    public static final long DEFAULT_HEARTBEAT_MILLIS = 15_000;

    public HttpSettings {
        if (adminToken == null || adminToken.isEmpty()) throw new IllegalArgumentException("an admin token is required");
    }

    /** Settings with the default limits. */
    public static HttpSettings of(String host, int port, String nodeName, String adminToken) {
        return new HttpSettings(host, port, nodeName, adminToken, DEFAULT_MAX_BODY_BYTES,
                DEFAULT_MAX_LONG_POLL_MILLIS, DEFAULT_HEARTBEAT_MILLIS);
    }

    public HttpSettings withHeartbeatMillis(long millis) {
        return new HttpSettings(host, port, nodeName, adminToken, maxBodyBytes, maxLongPollMillis, millis);
    }

    public HttpSettings withMaxBodyBytes(long bytes) {
        return new HttpSettings(host, port, nodeName, adminToken, bytes, maxLongPollMillis, heartbeatMillis);
    }
}
