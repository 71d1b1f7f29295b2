package io.quire.mail.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.mail.maildir.ImportResult;
import io.quire.mail.maildir.LineEnding;
import io.quire.mail.mbox.MboxFormat;
import io.quire.mail.mbox.MboxReader;
import io.quire.sdk.Database;
import io.quire.sdk.Databases;
import io.quire.sdk.Document;
import io.quire.sdk.Page;
import io.quire.sdk.Quire;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole shared corpus ({@code MANIFEST.tsv}: every mbox split into its messages, and every
 * single-message file) delivered into a real node over real sockets by Python's smtplib — over LMTP
 * with parallel connections, and a sample over SMTP — then every stored body read back through the
 * SDK's remote client ({@link Quire#remote}) and compared byte for byte with what was sent, after
 * the trace fields the receiver prepends ({@code Return-Path}, {@code Delivered-To},
 * {@code Received}).
 *
 * <p>What goes on the wire: mbox messages with CRLF line ends, as an MTA hands them over (mbox files
 * store LF); single-message files exactly as they are on disk. The receiver refuses data with a bare
 * CR or LF ({@code 550 5.6.2}, RFC 5321 §2.3.8) instead of rewriting it, and data over its size limit
 * ({@code 552}); which messages must be refused is computed from the bytes sent and every refusal is
 * asserted and counted, never skipped. Nothing refused may be stored.
 */
class CorpusDeliveryIT {
    static final Path CORPUS = io.quire.mail.maildir.Fixtures.CORPUS;
    static final String LMTP_USER = "alice@example.org";
    static final String SMTP_USER = "bob@example.org";
    static final int CONNECTIONS = 8;
    /** The receiver's default limit (ReceiverOptions.defaults). */
    static final long MAX_SIZE = 25L * 1024 * 1024;
    static final byte[] CRLF = {'\r', '\n'};

    /**
     * Sends messages from one file ({@code index}: "n offset length" lines into {@code data}) over
     * {@code threads} connections, each message in its own transaction; prints "n code text" per message.
     */
    static final String SCRIPT = """
            import smtplib, sys, threading
            proto, port, rcpt, index, data, threads = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5], int(sys.argv[6])
            blob = open(data, "rb").read()
            jobs = [tuple(int(x) for x in l.split()) for l in open(index)]
            results = [None] * len(jobs)
            def run(part):
                c = (smtplib.LMTP if proto == "lmtp" else smtplib.SMTP)("127.0.0.1", port, local_hostname="corpus.test", timeout=120)
                if proto != "lmtp": c.ehlo("corpus.test")
                for k in part:
                    n, off, length = jobs[k]
                    try:
                        refused = c.sendmail("sender@corpus.test", [rcpt], blob[off:off + length])
                        results[k] = "%d 250 %s" % (n, refused or "")
                    except smtplib.SMTPResponseException as e:
                        results[k] = "%d %d %s" % (n, e.smtp_code, e.smtp_error.decode("utf-8", "replace").replace("\\n", " "))
                        c.rset()
                    except smtplib.SMTPRecipientsRefused as e:
                        code, text = list(e.recipients.values())[0]
                        results[k] = "%d %d %s" % (n, code, text.decode("utf-8", "replace"))
                        c.rset()
                c.quit()
            ts = [threading.Thread(target=run, args=(range(i, len(jobs), threads),)) for i in range(threads)]
            for t in ts: t.start()
            for t in ts: t.join()
            print("\\n".join(r for r in results if r is not None))
            """;
    /** The trace fields before each stored copy: Return-Path, Delivered-To, then the Received field, CRLF-folded. */
    static final Pattern TRACE = Pattern.compile("Return-Path: <sender@corpus\\.test>\r\nDelivered-To: ([^\r\n]+)\r\n"
            + "Received: from corpus\\.test \\(\\[127\\.0\\.0\\.1]\\)\r\n"
            + "\tby [A-Za-z0-9.-]+ \\(Quire\\) with (LMTP|E?SMTP) id [^\r\n;]+\r\n\tfor <([^>]+)>; [^\r\n]+ \\+0000\r\n");

    @TempDir
    Path dir;
    MailNode node;

    @AfterEach
    void stop() {
        if (node != null) node.close();
    }

    /** One corpus message: where it came from and the bytes that go on the wire (before dot-stuffing). */
    record Sent(String source, byte[] wire) {
        /** What the receiver must answer: 250, or the refusal the bytes call for. */
        int expectedCode() {
            return wire.length > MAX_SIZE ? 552 : bareLineEnd(wire) ? 550 : 250;
        }
    }

    @Test
    void theWholeCorpusShouldBeStoredByteForByteAfterItsTraceFields() throws Exception {
        List<Sent> corpus = corpus();
        List<Sent> sample = new ArrayList<>();
        for (int i = 0; i < corpus.size(); i += 40) sample.add(corpus.get(i));
        node = MailNode.start(dir);
        assertEquals(201, node.createUser(LMTP_USER, "pw").statusCode());
        assertEquals(201, node.createUser(SMTP_USER, "pw").statusCode());

        long t0 = System.nanoTime();
        Map<Integer, String> lmtp = deliver("lmtp", node.lmtp, LMTP_USER, corpus, CONNECTIONS);
        long t1 = System.nanoTime();
        Map<Integer, String> smtp = deliver("smtp", node.smtp, SMTP_USER, sample, 2);
        long t2 = System.nanoTime();
        int lmtpStored = checkReplies("LMTP", corpus, lmtp);
        int smtpStored = checkReplies("SMTP", sample, smtp);

        int read = readBack(LMTP_USER, "LMTP", corpus, lmtpStored) + readBack(SMTP_USER, "SMTP", sample, smtpStored);
        long t3 = System.nanoTime();
        System.out.printf("event=corpus_delivery messages=%d lmtp_accepted=%d lmtp_refused_bare_line_end=%d lmtp_seconds=%.1f"
                        + " lmtp_per_second=%.0f connections=%d smtp_sample=%d smtp_seconds=%.1f read_back=%d read_seconds=%.1f%n",
                corpus.size(), lmtpStored, corpus.size() - lmtpStored, (t1 - t0) / 1e9, corpus.size() / ((t1 - t0) / 1e9),
                CONNECTIONS, sample.size(), (t2 - t1) / 1e9, read, (t3 - t2) / 1e9);
    }

    /** Every message of the corpus in MANIFEST order: mbox files split, single files as they are. */
    static List<Sent> corpus() throws IOException {
        List<Sent> out = new ArrayList<>();
        List<String> manifest = Files.readAllLines(CORPUS.resolve("MANIFEST.tsv"));
        int expected = 0;
        for (String line : manifest.subList(1, manifest.size())) {
            String[] f = line.split("\t");
            expected += Integer.parseInt(f[1]);
            if (f[0].endsWith(".mbox")) {
                int before = out.size();
                readMbox(CORPUS.resolve(f[0]), out);
                assertEquals(Integer.parseInt(f[1]), out.size() - before, f[0] + ": messages in the manifest");
            } else {
                int before = out.size();
                for (Path file : files(f[0])) out.add(new Sent(CORPUS.relativize(file).toString(), withFinalCrlf(Files.readAllBytes(file))));
                assertEquals(Integer.parseInt(f[1]), out.size() - before, f[0] + ": files in the manifest");
            }
        }
        assertEquals(expected, out.size());
        assertTrue(out.size() > 4_900, "the whole corpus, not a part: " + out.size());
        return out;
    }

    /** The files a manifest line names: {@code dir/**} or {@code dir/{a,b}/*}. */
    static List<Path> files(String pattern) throws IOException {
        List<Path> roots = new ArrayList<>();
        int brace = pattern.indexOf('{');
        if (brace >= 0) {
            String base = pattern.substring(0, brace);
            for (String alt : pattern.substring(brace + 1, pattern.indexOf('}')).split(",")) roots.add(CORPUS.resolve(base + alt));
        } else {
            roots.add(CORPUS.resolve(pattern.substring(0, pattern.indexOf("/**"))));
        }
        List<Path> out = new ArrayList<>();
        for (Path r : roots) {
            try (Stream<Path> s = Files.walk(r)) {
                s.filter(Files::isRegularFile).sorted().forEach(out::add);
            }
        }
        return out;
    }

    static void readMbox(Path mbox, List<Sent> out) throws IOException {
        try (MboxReader reader = MboxReader.open(mbox, "INBOX", new MboxReader.Options(MboxFormat.MBOXRD, LineEnding.CRLF, 64 << 20))) {
            int n = 0;
            while (reader.hasNext()) {
                ImportResult r = reader.next();
                if (!(r instanceof ImportResult.Imported i)) throw new AssertionError(mbox + ": " + r);
                out.add(new Sent(CORPUS.relativize(mbox) + "#" + (++n), withFinalCrlf(i.message().raw())));
            }
        }
    }

    /** smtplib ends the data with CRLF when the message does not (RFC 5321 §4.1.1.4); the store keeps that CRLF. */
    static byte[] withFinalCrlf(byte[] b) {
        boolean crlf = b.length >= 2 && b[b.length - 2] == '\r' && b[b.length - 1] == '\n';
        return crlf ? b : concat(b, CRLF);
    }

    /** A CR not followed by LF, or an LF not preceded by CR (RFC 5321 §2.3.8). */
    static boolean bareLineEnd(byte[] b) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '\n' && (i == 0 || b[i - 1] != '\r')) return true;
            if (b[i] == '\r' && (i + 1 == b.length || b[i + 1] != '\n')) return true;
        }
        return false;
    }

    /** Runs the Python client; the reply for each message by its index. */
    Map<Integer, String> deliver(String protocol, int port, String rcpt, List<Sent> messages, int threads) throws Exception {
        Path data = dir.resolve(protocol + ".data"), index = dir.resolve(protocol + ".index");
        StringBuilder idx = new StringBuilder();
        try (var outData = Files.newOutputStream(data)) {
            long offset = 0;
            for (int i = 0; i < messages.size(); i++) {
                byte[] w = messages.get(i).wire();
                outData.write(w);
                idx.append(i).append(' ').append(offset).append(' ').append(w.length).append('\n');
                offset += w.length;
            }
        }
        Files.writeString(index, idx);
        Path out = dir.resolve(protocol + ".out"), err = dir.resolve(protocol + ".err");
        Process p = new ProcessBuilder("python3", "-c", SCRIPT, protocol, String.valueOf(port), rcpt, index.toString(), data.toString(),
                String.valueOf(threads)).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        // The corpus takes longer than other client runs: allow 10 minutes on a loaded machine.
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("the " + protocol + " client did not finish in 10 minutes");
        }
        assertEquals(0, p.exitValue(), Files.readString(err));
        Map<Integer, String> replies = new HashMap<>();
        for (String line : Files.readAllLines(out)) {
            int sp = line.indexOf(' ');
            replies.put(Integer.parseInt(line.substring(0, sp)), line.substring(sp + 1));
        }
        assertEquals(messages.size(), replies.size(), "one reply per message; stderr: " + Files.readString(err));
        return replies;
    }

    /** Asserts each reply is the one the bytes call for; returns how many were accepted. */
    static int checkReplies(String protocol, List<Sent> sent, Map<Integer, String> replies) {
        Map<Integer, Integer> byCode = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            Sent s = sent.get(i);
            String reply = replies.get(i);
            int code = Integer.parseInt(reply.substring(0, 3));
            byCode.merge(code, 1, Integer::sum);
            boolean ok = code == s.expectedCode()
                    && (code != 250 || reply.strip().equals("250"))
                    && (code != 550 || reply.contains("5.6.2"))
                    && (code != 552 || reply.contains("5.3.4"));
            if (!ok) wrong.add(s.source() + ": expected " + s.expectedCode() + ", got " + reply);
        }
        assertTrue(wrong.isEmpty(), protocol + ": " + wrong.size() + " unexpected replies, e.g. " + wrong.subList(0, Math.min(10, wrong.size())));
        long bare = sent.stream().filter(s -> s.expectedCode() == 550).count();
        long big = sent.stream().filter(s -> s.expectedCode() == 552).count();
        assertEquals(bare, byCode.getOrDefault(550, 0).longValue(), protocol + " refusals for bare CR/LF");
        assertEquals(big, byCode.getOrDefault(552, 0).longValue(), protocol + " refusals over the size limit");
        System.out.println("event=corpus_replies protocol=" + protocol + " messages=" + sent.size() + " by_code=" + byCode);
        return byCode.getOrDefault(250, 0);
    }

    /**
     * Reads every message document of the user's mail database through the SDK's remote client and
     * matches each body, after its trace fields, with exactly one accepted message (as a multiset:
     * the corpus has duplicates). Returns how many bodies were read.
     */
    int readBack(String user, String protocol, List<Sent> sent, int accepted) throws Exception {
        Map<String, List<byte[]>> expected = new HashMap<>();
        for (Sent s : sent) if (s.expectedCode() == 250) expected.computeIfAbsent(sha256(s.wire()), k -> new ArrayList<>()).add(s.wire());
        int read = 0;
        try (Databases quire = Quire.remote(URI.create(node.url()), MailNode.TOKEN)) {
            Database db = quire.open("mail." + user).orElseThrow(() -> new AssertionError("no mail database for " + user));
            Optional<String> after = Optional.empty();
            do {
                Page page = db.list("message", after, 500);
                for (Document d : page.documents()) {
                    JsonNode data = d.data();
                    assertEquals("inbox", data.path("mailbox").asText(), d.id() + " delivered into INBOX");
                    byte[] raw = db.blob(data.path("body").path("$blob").asText()).orElseThrow(() -> new AssertionError("no body for " + d.id()));
                    assertEquals(raw.length, data.path("size").asLong(), d.id() + ": size field");
                    String head = new String(raw, 0, Math.min(raw.length, 600), StandardCharsets.ISO_8859_1);
                    Matcher m = TRACE.matcher(head);
                    assertTrue(m.lookingAt(), d.id() + " trace fields: " + head);
                    assertEquals(user, m.group(1));
                    assertEquals(protocol, m.group(2).replace("ESMTP", "SMTP"));
                    assertEquals(user, m.group(3));
                    byte[] body = Arrays.copyOfRange(raw, m.end(), raw.length);
                    List<byte[]> candidates = expected.get(sha256(body));
                    assertTrue(candidates != null && !candidates.isEmpty(), d.id() + ": stored body matches no message sent, or more copies than sent");
                    assertArrayEquals(candidates.remove(candidates.size() - 1), body, d.id().toString());
                    read++;
                }
                after = page.next();
            } while (after.isPresent());
        }
        assertEquals(accepted, read, protocol + ": every accepted message stored once, nothing refused stored");
        assertTrue(expected.values().stream().allMatch(List::isEmpty), protocol + ": accepted messages missing from the store");
        return read;
    }

    static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(a.length + b.length);
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
