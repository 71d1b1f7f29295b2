package io.quire.bench.replication;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay on loopback that stands for the network between two nodes: while open it forwards
 * every connection to the target port; {@link #cut()} closes its listening socket and every relayed
 * connection, so the node behind it sees "connection refused" (a peer that is down or unreachable
 * with a reset, not a black hole that would hold replication threads until their 30 s timeouts);
 * {@link #heal()} listens again on the same port.
 */
final class Gate implements AutoCloseable {
    private final int target;
    private final int port;
    private final Set<Socket> live = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket server;

    Gate(int port, int target) throws IOException {
        this.port = port;
        this.target = target;
        heal();
    }

    int port() {
        return port;
    }

    synchronized void heal() throws IOException {
        if (server != null) return;
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
        server = s;
        Thread.ofVirtual().name("gate-" + port).start(() -> accept(s));
    }

    synchronized void cut() {
        ServerSocket s = server;
        server = null;
        if (s != null) closeQuietly(s);
        for (Socket c : live) closeQuietly(c);
        live.clear();
    }

    private void accept(ServerSocket s) {
        while (!s.isClosed()) {
            try {
                Socket in = s.accept();
                Socket out;
                try {
                    out = new Socket(InetAddress.getLoopbackAddress(), target);
                } catch (IOException e) {
                    closeQuietly(in);
                    continue;
                }
                in.setTcpNoDelay(true);
                out.setTcpNoDelay(true);
                live.add(in);
                live.add(out);
                Thread.ofVirtual().start(() -> pump(in, out));
                Thread.ofVirtual().start(() -> pump(out, in));
            } catch (IOException e) {
                // the listener was closed by cut(), or the target refused: the caller's connection drops
            }
        }
    }

    private void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            byte[] buf = new byte[64 * 1024];
            for (int n; (n = in.read(buf)) >= 0; ) {
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // either side closed: close both below
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            live.remove(from);
            live.remove(to);
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // closing a socket that is already gone
        }
    }

    @Override
    public void close() {
        cut();
    }
}
