package io.quire.mail.store;

import java.util.Arrays;
import java.util.List;

/**
 * One step of a random mail history over replicas, with a one-line text form so a shrunk
 * counterexample can be committed under {@code src/test/resources/regressions/} and replayed.
 * Replica and mailbox numbers are taken modulo the sizes in use, so any numbers are valid.
 */
sealed interface MailOp {
    /** Mailbox names the histories use: few, so operations collide. */
    List<String> BOXES = List.of("INBOX", "A", "B", "A/C");
    List<String> FLAGS = List.of("\\Seen", "\\Flagged", "$k");

    record Deliver(int replica, int box, int day) implements MailOp {
    }

    record Flag(int replica, int box, int pick, int flag, boolean add) implements MailOp {
    }

    record Expunge(int replica, int box, int pick) implements MailOp {
    }

    record Move(int replica, int from, int pick, int to) implements MailOp {
    }

    record Copy(int replica, int from, int pick, int to) implements MailOp {
    }

    record Create(int replica, int box) implements MailOp {
    }

    record Delete(int replica, int box) implements MailOp {
    }

    record Rename(int replica, int from, int to) implements MailOp {
    }

    /** Replica {@code into} pulls {@code from}'s head (fetch + merge). */
    record Sync(int into, int from) implements MailOp {
    }

    /** The replica prunes history below its horizon as soon as anything lies below it. */
    record Prune(int replica) implements MailOp {
    }

    /** The text form: the record's simple name and its components, space-separated. */
    static String format(MailOp op) {
        return switch (op) {
            case Deliver d -> "Deliver " + d.replica() + " " + d.box() + " " + d.day();
            case Flag f -> "Flag " + f.replica() + " " + f.box() + " " + f.pick() + " " + f.flag() + " " + f.add();
            case Expunge e -> "Expunge " + e.replica() + " " + e.box() + " " + e.pick();
            case Move m -> "Move " + m.replica() + " " + m.from() + " " + m.pick() + " " + m.to();
            case Copy c -> "Copy " + c.replica() + " " + c.from() + " " + c.pick() + " " + c.to();
            case Create c -> "Create " + c.replica() + " " + c.box();
            case Delete d -> "Delete " + d.replica() + " " + d.box();
            case Rename r -> "Rename " + r.replica() + " " + r.from() + " " + r.to();
            case Sync s -> "Sync " + s.into() + " " + s.from();
            case Prune x -> "Prune " + x.replica();
        };
    }

    static MailOp parse(String line) {
        String[] p = line.trim().split("\\s+");
        int[] n = Arrays.stream(p, 1, p.length).filter(x -> !x.equals("true") && !x.equals("false")).mapToInt(Integer::parseInt).toArray();
        return switch (p[0]) {
            case "Deliver" -> new Deliver(n[0], n[1], n[2]);
            case "Flag" -> new Flag(n[0], n[1], n[2], n[3], Boolean.parseBoolean(p[5]));
            case "Expunge" -> new Expunge(n[0], n[1], n[2]);
            case "Move" -> new Move(n[0], n[1], n[2], n[3]);
            case "Copy" -> new Copy(n[0], n[1], n[2], n[3]);
            case "Create" -> new Create(n[0], n[1]);
            case "Delete" -> new Delete(n[0], n[1]);
            case "Rename" -> new Rename(n[0], n[1], n[2]);
            case "Sync" -> new Sync(n[0], n[1]);
            case "Prune" -> new Prune(n[0]);
            default -> throw new IllegalArgumentException("unknown step: " + line);
        };
    }
}
