package io.quire.mail.imap.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code C:}/{@code S:} transcript in the style of James's mpt scripts, run against a real server.
 *
 * <pre>
 * # comment
 * C: a1 LOGIN alice secret        client line, sent with CRLF
 * CX: a2 NOOP\x00\r\n             client octets with escapes (\r \n \t \0 \\ \xNN), sent as they are
 * S: a1 OK .*                     the next server line must match this regex entirely
 * SUB {                           the next lines match these S: regexes in any order
 * S: \* 1 EXISTS
 * S: \* 0 RECENT
 * }
 * S: \* OK \[HIGHESTMODSEQ (?<m0>\d+)\] .*   a named group is remembered ...
 * C: a3 FETCH 1 (FLAGS) (CHANGEDSINCE ${m0})  ... and ${name} is replaced in later C: and S: lines
 * CLOSED                          the server must have closed the connection
 * SEED alice INBOX msg.eml \Seen  before connecting: store a resource message (creating the mailbox)
 * </pre>
 */
final class Transcript {
    private static final int TIMEOUT_MS = 5000;

    sealed interface Step {
    }

    record Send(byte[] bytes, int line) implements Step {
    }

    record Expect(String regex, int line) implements Step {
    }

    record Unordered(List<Expect> expects, int line) implements Step {
    }

    record Closed(int line) implements Step {
    }

    record Seed(String user, String mailbox, String resource, List<String> flags, int line) implements Step {
    }

    static List<Step> parse(String text) {
        List<Step> steps = new ArrayList<>();
        List<Expect> block = null;
        int blockLine = 0;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            int n = i + 1;
            if (l.isBlank() || l.startsWith("#")) {
                continue;
            }
            if (l.equals("SUB {")) {
                block = new ArrayList<>();
                blockLine = n;
            } else if (l.equals("}")) {
                steps.add(new Unordered(block, blockLine));
                block = null;
            } else if (l.startsWith("S: ") || l.equals("S:")) {
                Expect e = new Expect(l.length() > 3 ? l.substring(3) : "", n);
                if (block != null) {
                    block.add(e);
                } else {
                    steps.add(e);
                }
            } else if (l.startsWith("C: ") || l.equals("C:")) {
                steps.add(new Send(((l.length() > 3 ? l.substring(3) : "") + "\r\n").getBytes(StandardCharsets.UTF_8), n));
            } else if (l.startsWith("CX: ")) {
                steps.add(new Send(unescape(l.substring(4)), n));
            } else if (l.equals("CLOSED")) {
                steps.add(new Closed(n));
            } else if (l.startsWith("SEED ")) {
                String[] p = l.split(" ");
                steps.add(new Seed(p[1], p[2], p[3], List.of(p).subList(4, p.length), n));
            } else {
                throw new IllegalArgumentException("line " + n + ": cannot parse: " + l);
            }
        }
        return steps;
    }

    static byte[] unescape(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 == s.length()) {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 'r' -> out.write('\r');
                case 'n' -> out.write('\n');
                case 't' -> out.write('\t');
                case '0' -> out.write(0);
                case 'x' -> {
                    out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                    i += 2;
                }
                default -> out.write(e);
            }
        }
        return out.toByteArray();
    }

    /** Runs the steps over a fresh connection; throws AssertionError with the transcript so far on mismatch. */
    static void run(List<Step> steps, int port) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(TIMEOUT_MS);
            socket.setTcpNoDelay(true);
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            StringBuilder log = new StringBuilder();
            Map<String, String> vars = new HashMap<>();
            for (Step step : steps) {
                switch (step) {
                    case Send s -> {
                        byte[] bytes = substitute(s.bytes(), vars);
                        out.write(bytes);
                        out.flush();
                        log.append("C: ").append(new String(bytes, StandardCharsets.UTF_8).strip()).append('\n');
                    }
                    case Expect e -> expect(in, e, vars, log);
                    case Unordered u -> unordered(in, u, vars, log);
                    case Closed c -> closed(in, c, log);
                    case Seed s -> throw new IllegalStateException("SEED is applied before connecting");
                }
            }
        }
    }

    private static void expect(InputStream in, Expect e, Map<String, String> vars, StringBuilder log)
            throws IOException {
        String line = readLine(in, e.line(), log);
        if (!matches(e, line, vars)) {
            throw new AssertionError("line " + e.line() + ": expected /" + substitute(e.regex(), vars)
                    + "/ but got: " + line + "\n--- transcript\n" + log);
        }
    }

    private static void unordered(InputStream in, Unordered u, Map<String, String> vars, StringBuilder log)
            throws IOException {
        List<Expect> left = new ArrayList<>(u.expects());
        while (!left.isEmpty()) {
            String line = readLine(in, u.line(), log);
            Expect hit = left.stream().filter(x -> matches(x, line, vars)).findFirst()
                    .orElseThrow(() -> new AssertionError("line " + u.line() + ": unexpected in SUB block: " + line
                            + "\n--- transcript\n" + log));
            left.remove(hit);
        }
    }

    /** Matches a line, substituting earlier captures into the regex and remembering its named groups. */
    private static boolean matches(Expect e, String line, Map<String, String> vars) {
        Matcher m = Pattern.compile(substitute(e.regex(), vars)).matcher(line);
        if (!m.matches()) {
            return false;
        }
        m.namedGroups().keySet().forEach(name -> vars.put(name, m.group(name)));
        return true;
    }

    private static String substitute(String text, Map<String, String> vars) {
        String out = text;
        for (Map.Entry<String, String> v : vars.entrySet()) {
            out = out.replace("${" + v.getKey() + "}", v.getValue());
        }
        return out;
    }

    private static byte[] substitute(byte[] bytes, Map<String, String> vars) {
        if (vars.isEmpty()) {
            return bytes;
        }
        return substitute(new String(bytes, StandardCharsets.ISO_8859_1), vars).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static void closed(InputStream in, Closed c, StringBuilder log) throws IOException {
        try {
            int b = in.read();
            if (b >= 0) {
                throw new AssertionError("line " + c.line() + ": expected the server to close, got more data\n"
                        + "--- transcript\n" + log);
            }
        } catch (java.net.SocketException reset) {
            // A reset is a close too.
        }
    }

    private static String readLine(InputStream in, int scriptLine, StringBuilder log) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            while (true) {
                int b = in.read();
                if (b < 0) {
                    throw new AssertionError("line " + scriptLine + ": connection closed\n--- transcript\n" + log);
                }
                if (b == '\n') {
                    break;
                }
                line.write(b);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("line " + scriptLine + ": no response within " + TIMEOUT_MS + " ms (got '"
                    + line.toString(StandardCharsets.UTF_8) + "')\n--- transcript\n" + log);
        }
        byte[] bytes = line.toByteArray();
        int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        String s = new String(bytes, 0, n, StandardCharsets.UTF_8);
        log.append("S: ").append(s).append('\n');
        return s;
    }
}
