package io.quire.mail.imap.handler;

import io.quire.mail.imap.session.ThreadNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The two threading algorithms of RFC 5256 §3, as pure functions of the messages' headers: no store, no I/O.
 */
final class Threader {
    private Threader() {
    }

    /**
     * What threading needs of one message.
     *
     * @param number     what the answer names it by: its sequence number or UID
     * @param msn        its sequence number, for ties (RFC 5256 §2.2: "the order in the mailbox")
     * @param subject    its base subject
     * @param sent       its sent date (RFC 5256 §2.2: the Date header, or the internal date)
     * @param messageId  its Message-ID ({@code <...>}), if any
     * @param references the parent ids, oldest first: References, or else the first id of In-Reply-To
     */
    record Message(long number, int msn, BaseSubject subject, Instant sent, Optional<String> messageId,
                   List<String> references) {
    }

    private static final Comparator<Message> BY_DATE =
            Comparator.comparing(Message::sent).thenComparingInt(Message::msn);

    /**
     * ORDEREDSUBJECT (RFC 5256 §3): messages grouped by base subject; in each group the oldest is the root and the
     * others, by date, are its children; groups ordered by their root's date.
     */
    static List<ThreadNode> orderedSubject(List<Message> messages) {
        Map<String, List<Message>> groups = new LinkedHashMap<>();
        for (Message m : messages) {
            groups.computeIfAbsent(m.subject().key(), k -> new ArrayList<>()).add(m);
        }
        List<List<Message>> threads = new ArrayList<>();
        for (List<Message> g : groups.values()) {
            g.sort(BY_DATE);
            threads.add(g);
        }
        threads.sort(Comparator.comparing(g -> g.getFirst(), BY_DATE));
        List<ThreadNode> out = new ArrayList<>(threads.size());
        for (List<Message> g : threads) {
            List<ThreadNode> children = new ArrayList<>(g.size() - 1);
            for (Message m : g.subList(1, g.size())) {
                children.add(new ThreadNode(m.number(), List.of()));
            }
            out.add(new ThreadNode(g.getFirst().number(), children));
        }
        return out;
    }

    /** A node of the REFERENCES algorithm: a message, or a dummy standing for one referred to but absent. */
    private static final class Container {
        Message message;
        Container parent;
        final List<Container> children = new ArrayList<>();

        boolean dummy() {
            return message == null;
        }

        /** Whether {@code c} is this container or one of its ancestors. */
        boolean hasAncestorOrSelf(Container c) {
            for (Container x = this; x != null; x = x.parent) {
                if (x == c) {
                    return true;
                }
            }
            return false;
        }

        void adopt(Container child) {
            if (child.parent != null) {
                child.parent.children.remove(child);
            }
            child.parent = this;
            children.add(child);
        }

        /** The message that stands for this container in sorting and subject matching (a dummy: its first child). */
        Message representative() {
            return dummy() ? children.getFirst().representative() : message;
        }
    }

    private static final Comparator<Container> CONTAINER_BY_DATE =
            Comparator.comparing(Container::representative, BY_DATE);

    /** REFERENCES (RFC 5256 §3), steps 1 to 6, then the final sort of every sibling set. */
    static List<ThreadNode> references(List<Message> messages) {
        // (1) containers by Message-ID, linked along each References chain
        Map<String, Container> byId = new HashMap<>();
        List<Message> inOrder = new ArrayList<>(messages);
        inOrder.sort(Comparator.comparingInt(Message::msn));
        List<Container> all = new ArrayList<>();
        for (Message m : inOrder) {
            // (1A) a missing or duplicate Message-ID gets a unique one: the message is then nobody's parent
            Container self = m.messageId().map(byId::get).filter(c -> c.dummy()).orElse(null);
            if (self == null) {
                self = new Container();
                all.add(self);
                if (m.messageId().isPresent() && !byId.containsKey(m.messageId().get())) {
                    byId.put(m.messageId().get(), self);
                }
            }
            self.message = m;
            // (1B) link consecutive references parent -> child unless already linked or it would make a loop
            Container previous = null;
            for (String ref : m.references()) {
                Container c = byId.computeIfAbsent(ref, k -> {
                    Container d = new Container();
                    all.add(d);
                    return d;
                });
                if (previous != null && c.parent == null && c != previous && !previous.hasAncestorOrSelf(c)) {
                    previous.adopt(c);
                }
                previous = c;
            }
            // (1C) the last reference is the parent: it overrides a parent guessed from others' References
            if (previous != null && previous != self && !previous.hasAncestorOrSelf(self)) {
                previous.adopt(self);
            } else if (previous == null && self.parent != null) {
                self.parent.children.remove(self);
                self.parent = null;
            }
        }
        // (2) the root set
        List<Container> roots = new ArrayList<>();
        for (Container c : all) {
            if (c.parent == null) {
                roots.add(c);
            }
        }
        // (3) prune dummies
        roots = prune(roots, true, null);
        // (4) sort the roots by date (a dummy by its earliest child)
        for (Container c : roots) {
            if (c.dummy()) {
                c.children.sort(CONTAINER_BY_DATE);
            }
        }
        roots.sort(CONTAINER_BY_DATE);
        // (5) one container per base subject, preferring a dummy, then an original over a reply
        Map<String, Container> subjects = new HashMap<>();
        for (Container c : roots) {
            BaseSubject s = c.representative().subject();
            if (s.text().isEmpty()) {
                continue;
            }
            Container old = subjects.get(s.key());
            if (old == null || (c.dummy() && !old.dummy())
                    || (!old.dummy() && !c.dummy() && old.message.subject().replyOrForward()
                    && !c.message.subject().replyOrForward())) {
                subjects.put(s.key(), c);
            }
        }
        // (6) merge the roots that share a base subject
        List<Container> merged = new ArrayList<>(roots);
        for (Container c : roots) {
            BaseSubject s = c.representative().subject();
            Container t = s.text().isEmpty() ? null : subjects.get(s.key());
            if (t == null || t == c) {
                continue;
            }
            if (t.dummy() && c.dummy()) {
                for (Container child : List.copyOf(c.children)) {
                    t.adopt(child);
                }
                merged.remove(c);
            } else if (t.dummy()) {
                t.adopt(c);
                merged.remove(c);
            } else if (c.message != null && c.message.subject().replyOrForward()
                    && !t.message.subject().replyOrForward()) {
                t.adopt(c);
                merged.remove(c);
            } else {
                Container d = new Container();
                merged.set(merged.indexOf(t), d);
                merged.remove(c);
                d.adopt(t);
                d.adopt(c);
                subjects.put(s.key(), d);
            }
        }
        // (7) sort every sibling set by date, depth first (a dummy by its earliest child)
        sortDeep(merged);
        List<ThreadNode> out = new ArrayList<>(merged.size());
        for (Container c : merged) {
            out.add(node(c));
        }
        return out;
    }

    /**
     * Step 3: a dummy without children goes; a dummy with children gives way to them, except at the top level when
     * it has more than one (they stay grouped under it).
     */
    private static List<Container> prune(List<Container> siblings, boolean top, Container parent) {
        List<Container> out = new ArrayList<>(siblings.size());
        for (Container c : siblings) {
            List<Container> kids = prune(List.copyOf(c.children), false, c);
            c.children.clear();
            c.children.addAll(kids);
            if (!c.dummy() || (top && c.children.size() > 1)) {
                out.add(c);
                continue;
            }
            for (Container k : c.children) {
                k.parent = parent;
                out.add(k);
            }
            c.children.clear();
        }
        return out;
    }

    private static void sortDeep(List<Container> siblings) {
        for (Container c : siblings) {
            sortDeep(c.children);
        }
        siblings.sort(CONTAINER_BY_DATE);
    }

    private static ThreadNode node(Container c) {
        List<ThreadNode> children = new ArrayList<>(c.children.size());
        for (Container k : c.children) {
            children.add(node(k));
        }
        return new ThreadNode(c.dummy() ? 0 : c.message.number(), children);
    }
}
