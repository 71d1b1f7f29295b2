package io.quire.mail.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.mail.smtp.Clients;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes of one cluster, each receiving mail for the same user over LMTP while the other is
 * down, so neither can see the other's deliveries; once both run again they converge: every
 * delivered message is in the INBOX of both, each under one UID, no UID used twice.
 *
 * <pre>
 *   a: ──create alice──┬──deliver a1..a4──x (stopped)         ┌── up ──── converged
 *   b: ──(replica)─────x (stopped)        └── up: deliver b1..b4 ┘
 * </pre>
 */
class TwoNodeDeliveryIT {
    static final String USER = "alice@example.org";

    @TempDir
    Path dir;
    MailNode a;
    MailNode b;

    @AfterEach
    void stop() {
        if (a != null) a.close();
        if (b != null) b.close();
    }

    @Test
    void mailDeliveredOnBothSidesOfAPartitionShouldConvergeWithUniqueUids() throws Exception {
        int[] pa = MailNode.ports();
        int[] pb = MailNode.ports();
        a = MailNode.create(dir, "a", pa, cluster("b", pb[0]));
        b = MailNode.create(dir, "b", pb, cluster("a", pa[0]));
        a.start();
        b.start();
        assertEquals(201, a.createUser(USER, "pw").statusCode());
        MailNode.waitFor("alice's mailbox reaches b", 60, () -> b.messages(USER, "INBOX").isEmpty());

        b.stop();
        for (int i = 1; i <= 4; i++) deliver(a, "a" + i);
        a.stop();
        b.start();
        for (int i = 1; i <= 4; i++) deliver(b, "b" + i);
        assertEquals(Set.of("b1", "b2", "b3", "b4"), subjects(b), "b cannot have seen a's mail yet");
        a.start();

        Set<String> all = Set.of("a1", "a2", "a3", "a4", "b1", "b2", "b3", "b4");
        MailNode.waitFor("both nodes hold all eight messages", 90,
                () -> subjects(a).equals(all) && subjects(b).equals(all) && uids(a).equals(uids(b)));
        for (MailNode n : List.of(a, b)) {
            List<MailNode.Stored> inbox = n.messages(USER, "INBOX");
            assertEquals(8, inbox.size(), n.name + " has each message once");
            assertEquals(8, inbox.stream().map(MailNode.Stored::uid).collect(Collectors.toSet()).size(), n.name + ": unique UIDs");
        }
    }

    /**
     * Each node creates the users directory on its own (neither had it): two unrelated histories of
     * {@code mail-users}, which replication merges; every user ends up known, with mail, on both.
     */
    @Test
    void usersCreatedOnEachSideOfAPartitionShouldBothExistEverywhere() throws Exception {
        int[] pa = MailNode.ports();
        int[] pb = MailNode.ports();
        a = MailNode.create(dir, "a", pa, cluster("b", pb[0]));
        b = MailNode.create(dir, "b", pb, cluster("a", pa[0]));
        a.start();
        assertEquals(201, a.createUser("alice@example.org", "pw").statusCode());
        a.stop();
        b.start();
        assertEquals(201, b.createUser("bob@example.org", "pw").statusCode());
        a.start();
        for (MailNode n : List.of(a, b)) {
            MailNode.waitFor("both users reach " + n.name, 60, () -> {
                String users = n.get("/api/v1/mail/users").body();
                return users.contains("alice@example.org") && users.contains("bob@example.org")
                        && n.messages("alice@example.org", "INBOX").isEmpty() && n.messages("bob@example.org", "INBOX").isEmpty();
            });
        }
        deliver(b, "for alice via b");
        MailNode.waitFor("alice's mail delivered on b reaches a", 60,
                () -> subjects(a).equals(Set.of("for alice via b")));
    }

    static String cluster(String peer, int port) {
        return "cluster:\n  secret: shared-cluster-secret\n  peers:\n    - { name: " + peer + ", url: http://127.0.0.1:" + port + " }\n";
    }

    static void deliver(MailNode node, String subject) {
        var r = Clients.swaks("--protocol", "LMTP", "--server", "127.0.0.1:" + node.lmtp, "--from", "s@remote.test",
                "--to", USER, "--header", "Subject: " + subject, "--body", "delivered to " + node.name);
        assertEquals(0, r.exit(), r.all());
    }

    static Set<String> subjects(MailNode node) {
        Set<String> out = new TreeSet<>();
        for (MailNode.Stored m : node.messages(USER, "INBOX")) {
            String text = new String(m.raw(), StandardCharsets.UTF_8);
            int at = text.indexOf("\r\nSubject: ");
            out.add(text.substring(at + 11, text.indexOf("\r\n", at + 11)));
        }
        return out;
    }

    static Set<String> uids(MailNode node) {
        Set<String> out = new HashSet<>();
        for (MailNode.Stored m : node.messages(USER, "INBOX")) {
            String text = new String(m.raw(), StandardCharsets.UTF_8);
            int at = text.indexOf("\r\nSubject: ");
            out.add(m.uid() + "=" + text.substring(at + 11, text.indexOf("\r\n", at + 11)));
        }
        return out;
    }
}
