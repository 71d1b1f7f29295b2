package io.quire.mail.imap.handler;

import io.quire.mail.imap.protocol.MailboxName;
import io.quire.mail.store.MailboxInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A user's mailboxes as a hierarchy, for LIST attributes: children (RFC 3348 / RFC 9051 §7.3.1), subscription and
 * special use (RFC 6154), and the parents that exist only as part of a child's name.
 */
final class MailboxTree {
    private static final String SEP = String.valueOf(MailboxName.DELIMITER);

    private final TreeMap<String, MailboxInfo> byName = new TreeMap<>();
    private final TreeSet<String> implied = new TreeSet<>();

    MailboxTree(List<MailboxInfo> mailboxes) {
        for (MailboxInfo m : mailboxes) {
            byName.put(m.name(), m);
        }
        for (String name : byName.keySet()) {
            int i = name.indexOf(MailboxName.DELIMITER);
            while (i > 0) {
                String parent = name.substring(0, i);
                if (!byName.containsKey(parent)) {
                    implied.add(parent);
                }
                i = name.indexOf(MailboxName.DELIMITER, i + 1);
            }
        }
    }

    /** Existing mailboxes by name, in name order. */
    List<MailboxInfo> mailboxes() {
        return new ArrayList<>(byName.values());
    }

    /** Names that are parents of mailboxes but not mailboxes themselves. */
    TreeSet<String> impliedParents() {
        return implied;
    }

    /** The mailbox with this name. */
    Optional<MailboxInfo> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Whether any mailbox lies below {@code name}. */
    boolean hasChildren(String name) {
        String key = byName.ceilingKey(name + SEP);
        return key != null && key.startsWith(name + SEP);
    }

    /** Whether a subscribed mailbox lies below {@code name} (RFC 5258 §3.5 CHILDINFO). */
    boolean hasSubscribedChild(String name) {
        for (MailboxInfo m : byName.tailMap(name + SEP, true).values()) {
            if (!m.name().startsWith(name + SEP)) {
                return false;
            }
            if (m.subscribed()) {
                return true;
            }
        }
        return false;
    }

    /** The name attributes of an existing mailbox. */
    List<String> attributes(MailboxInfo m, boolean withSubscribed) {
        List<String> attrs = new ArrayList<>();
        attrs.add(hasChildren(m.name()) ? "\\HasChildren" : "\\HasNoChildren");
        if (withSubscribed && m.subscribed()) {
            attrs.add("\\Subscribed");
        }
        m.specialUse().ifPresent(attrs::add);
        return attrs;
    }
}
