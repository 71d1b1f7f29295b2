package io.quire.mail.smtp;

/** Python snippets shared by the socket-level tests. */
public final class Py {

    private Py() {
    }

    /**
     * A prelude defining {@code conn(port)} (a TCP_NODELAY socket to 127.0.0.1) and {@code replies(s, n)} (read
     * until {@code n} complete replies, return their lines), so scripts can pipeline and see raw replies.
     */
    public static final String PRELUDE = """
            import socket, ssl, sys, time
            def conn(port):
                s = socket.create_connection(("127.0.0.1", port), timeout=20)
                s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                return s
            def replies(s, n):
                buf, out = b"", []
                while sum(1 for l in out if l[3:4] == " ") < n:
                    chunk = s.recv(65536)
                    if not chunk:
                        out.append("EOF")
                        break
                    buf += chunk
                    while b"\\r\\n" in buf:
                        line, buf = buf.split(b"\\r\\n", 1)
                        out.append(line.decode())
                return out
            def show(lines):
                for l in lines:
                    print(l)
            """;
}
