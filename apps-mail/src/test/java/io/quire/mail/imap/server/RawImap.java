package io.quire.mail.imap.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** A line-level IMAP client over a plain socket, for tests that need exact responses and timing. */
final class RawImap implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private int tags;

    RawImap(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(5000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
        String greeting = readLine();
        if (!greeting.startsWith("* OK")) {
            throw new IOException("greeting: " + greeting);
        }
    }

    /** Logs in, failing the test if that does not work. */
    RawImap login(String user, String password) throws IOException {
        expectOk(command("LOGIN " + user + " " + password));
        return this;
    }

    /** Sends a command with a fresh tag and returns every line up to and including the tagged response. */
    List<String> command(String command) throws IOException {
        String tag = "t" + (++tags);
        send(tag + " " + command);
        return until(tag);
    }

    /** Reads lines until the one tagged {@code tag}. */
    List<String> until(String tag) throws IOException {
        List<String> lines = new ArrayList<>();
        while (true) {
            String line = readLine();
            lines.add(line);
            if (line.startsWith(tag + " ")) {
                return lines;
            }
        }
    }

    /** The tag the next {@link #command} will use. */
    String nextTag() {
        return "t" + (tags + 1);
    }

    /** Sends a raw line (CRLF added). */
    void send(String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Reads lines until one matches {@code regex}, within {@code timeout}; returns the lines read. */
    List<String> await(String regex, Duration timeout) throws IOException {
        Pattern p = Pattern.compile(regex);
        List<String> seen = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                throw new AssertionError("no line matching /" + regex + "/ within " + timeout + "; got " + seen);
            }
            socket.setSoTimeout((int) left);
            try {
                String line = readLine();
                seen.add(line);
                if (p.matcher(line).matches()) {
                    return seen;
                }
            } catch (SocketTimeoutException e) {
                throw new AssertionError("no line matching /" + regex + "/ within " + timeout + "; got " + seen);
            } finally {
                socket.setSoTimeout(5000);
            }
        }
    }

    /** Asserts that nothing arrives within {@code quiet}. */
    void expectSilence(Duration quiet) throws IOException {
        socket.setSoTimeout((int) quiet.toMillis());
        try {
            String line = readLine();
            throw new AssertionError("expected no response, got: " + line);
        } catch (SocketTimeoutException expected) {
            // quiet, as it should be
        } finally {
            socket.setSoTimeout(5000);
        }
    }

    /** Fails unless the last line is a tagged OK. */
    static List<String> expectOk(List<String> lines) {
        String last = lines.getLast();
        if (!last.matches("\\S+ OK.*")) {
            throw new AssertionError("expected OK, got " + lines);
        }
        return lines;
    }

    String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (line.size() == 0) {
                    return "EOF";
                }
                break;
            }
            if (b == '\n') {
                break;
            }
            line.write(b);
        }
        String s = line.toString(StandardCharsets.UTF_8);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
