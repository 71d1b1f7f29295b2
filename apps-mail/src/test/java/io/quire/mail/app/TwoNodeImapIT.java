package io.quire.mail.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real nodes replicating one user's mail; an IMAP client stays connected to node a throughout:
 * mail delivered on b shows up in the client's IDLE as EXISTS within a second or two; then the
 * nodes are partitioned, each delivers a message that takes the same UID, and after the heal the
 * client is told the contested UID left (EXPUNGE) and sees both messages at fresh UIDs — no UID
 * it knew ever names another message (ARCHITECTURE §4).
 */
class TwoNodeImapIT {
    static final String USER = TwoNodeDeliveryIT.USER;
    static final Pattern FETCH_LITERAL = Pattern.compile("^\\* \\d+ FETCH \\(.*\\{\\d+\\}$");
    static final Pattern UID = Pattern.compile("UID (\\d+)");

    @TempDir
    Path dir;
    MailNode a, b, bCutOff;

    @AfterEach
    void stop() {
        for (MailNode n : new MailNode[]{a, b, bCutOff}) if (n != null) n.close();
    }

    @Test
    void aClientOnOneNodeSeesMailFromTheOtherAndNoUidChangesMeaningAcrossAPartition() throws Exception {
        int[] pa = MailNode.ports(), pb = MailNode.ports();
        a = MailNode.create(dir, "a", pa, TwoNodeDeliveryIT.cluster("b", pb[0])).start();
        b = MailNode.create(dir, "b", pb, TwoNodeDeliveryIT.cluster("a", pa[0])).start();
        assertEquals(201, a.createUser(USER, "pw").statusCode());
        MailNode.waitFor("alice's mailbox reaches b", 60, () -> b.messages(USER, "INBOX").isEmpty());

        try (Imap client = new Imap(a.imap)) {
            client.ok("LOGIN " + USER + " pw");
            client.ok("SELECT INBOX");

            // 1. Live: delivered on b, seen on a while idling.
            client.send("i1 IDLE");
            client.expect("+");
            long sent = System.nanoTime();
            TwoNodeDeliveryIT.deliver(b, "live from b");
            client.expect("* 1 EXISTS");
            long ms = (System.nanoTime() - sent) / 1_000_000;
            System.out.println("TwoNodeImapIT: delivered on b, EXISTS on a's IDLE after " + ms + " ms (swaks included)");
            assertTrue(ms < 2_000, "EXISTS came " + ms + " ms after delivery on the other node");
            client.send("DONE");
            client.expectTagged("i1");
            Map<Long, String> before = client.uidsToSubjects();
            assertEquals(Map.of(1L, "live from b"), before);

            // 2. Partition: b comes back on other ports, so neither node reaches the other.
            b.stop();
            bCutOff = MailNode.create(dir, "b", MailNode.ports(), TwoNodeDeliveryIT.cluster("a", MailNode.freePort())).start();
            TwoNodeDeliveryIT.deliver(a, "during the partition on a");
            TwoNodeDeliveryIT.deliver(bCutOff, "during the partition on b");
            client.ok("NOOP");
            Map<Long, String> seen = client.uidsToSubjects();
            assertEquals("during the partition on a", seen.get(2L), "a gave UID 2 to its own message");
            assertEquals(1, bCutOff.messages(USER, "INBOX").stream().filter(m -> m.uid() == 2).count(), "b gave UID 2 to its own");

            // 3. Heal: b back on its own ports; the merge gives both contested messages fresh UIDs.
            bCutOff.stop();
            bCutOff = null;
            b.start();
            List<String> untagged = new ArrayList<>();
            MailNode.waitFor("the merge reaches a's client", 60, () -> {
                untagged.addAll(client.okCollecting("NOOP"));
                Map<Long, String> now = client.uidsToSubjects();
                return now.size() == 3 && !now.containsKey(2L);
            });
            Map<Long, String> after = client.uidsToSubjects();
            assertEquals("live from b", after.get(1L), "UID 1 still names the same message");
            assertFalse(after.containsKey(2L), "the contested UID names no message any more");
            assertTrue(after.keySet().stream().filter(u -> u > 2).count() == 2, "both contested messages at fresh UIDs: " + after);
            assertTrue(after.values().containsAll(List.of("during the partition on a", "during the partition on b")), after.toString());
            assertTrue(untagged.stream().anyMatch(l -> l.matches("\\* 2 EXPUNGE")), "the client was told UID 2 left: " + untagged);
            MailNode.waitFor("b agrees on the UIDs", 60, () -> TwoNodeDeliveryIT.uids(b).equals(TwoNodeDeliveryIT.uids(a)));
        }
    }

    /** A line-oriented IMAP client over a plain socket: enough for tagged commands, IDLE and literals of headers. */
    static final class Imap implements AutoCloseable {
        private final Socket socket;
        private final BufferedReader in;
        private final OutputStream out;
        private int tags;

        Imap(int port) throws IOException {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(10_000);
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            out = socket.getOutputStream();
            String greeting = in.readLine();
            assertTrue(greeting != null && greeting.startsWith("* OK"), "greeting: " + greeting);
        }

        void send(String line) throws IOException {
            out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }

        String line() throws IOException {
            String l = in.readLine();
            if (l == null) throw new IOException("connection closed");
            return l;
        }

        /** Reads until a line starting with {@code prefix}. */
        void expect(String prefix) throws IOException {
            try {
                for (String l = line(); ; l = line()) if (l.startsWith(prefix)) return;
            } catch (SocketTimeoutException e) {
                throw new AssertionError("no line starting with '" + prefix + "' within 10 s");
            }
        }

        void expectTagged(String tag) throws IOException {
            for (String l = line(); ; l = line()) {
                if (l.startsWith(tag + " ")) {
                    assertTrue(l.startsWith(tag + " OK"), l);
                    return;
                }
            }
        }

        void ok(String command) throws IOException {
            okCollecting(command);
        }

        /** Runs a command, asserts OK, and returns the untagged lines it brought. */
        List<String> okCollecting(String command) {
            try {
                String tag = "t" + (++tags);
                send(tag + " " + command);
                List<String> untagged = new ArrayList<>();
                for (String l = line(); ; l = line()) {
                    if (l.startsWith(tag + " ")) {
                        assertTrue(l.startsWith(tag + " OK"), command + " -> " + l);
                        return untagged;
                    }
                    untagged.add(l);
                }
            } catch (IOException e) {
                throw new AssertionError(command + ": " + e.getMessage(), e);
            }
        }

        /** UID → Subject of every message in the selected mailbox (the UID item may come before or after the literal). */
        Map<Long, String> uidsToSubjects() {
            try {
                return fetchSubjects();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        private Map<Long, String> fetchSubjects() throws IOException {
            String tag = "t" + (++tags);
            send(tag + " UID FETCH 1:* (BODY.PEEK[HEADER.FIELDS (SUBJECT)])");
            Map<Long, String> out = new TreeMap<>();
            for (String l = line(); ; l = line()) {
                if (l.startsWith(tag + " ")) return out;
                if (!FETCH_LITERAL.matcher(l).matches()) continue;
                String subject = "";
                for (String h = line(); !h.isEmpty(); h = line())
                    if (h.regionMatches(true, 0, "Subject: ", 0, 9)) subject = h.substring(9);
                Matcher uid = UID.matcher(l + " " + line());
                if (uid.find()) out.put(Long.parseLong(uid.group(1)), subject);
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
