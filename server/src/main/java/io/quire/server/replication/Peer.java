package io.quire.server.replication;

import java.net.URI;

/** Another node of the cluster, as configured: its unique name and the base URL of its HTTP API. */
public record Peer(String name, URI url) {
    public Peer {
        if (name == null || !name.matches("[a-z0-9][a-z0-9_-]{0,63}"))
            throw new IllegalArgumentException("peer name must match [a-z0-9][a-z0-9_-]{0,63}: " + name);
        if (url == null || url.getScheme() == null || !(url.getScheme().equals("http") || url.getScheme().equals("https")))
            throw new IllegalArgumentException("peer url must be http(s)://host:port: " + url);
    }

    /** The Git smart-HTTP URL of one of the peer's databases. */
    public String gitUrl(String db) {
        String base = url.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/git/" + db + ".git";
    }

    public String apiUrl(String path) {
        String base = url.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }
}
