package io.quire.mail.mime;

import java.util.List;
import java.util.Optional;

/**
 * One RFC 5322 address as IMAP's ENVELOPE needs it (RFC 9051 §7.5.2): a mailbox or a group. Display names
 * keep their encoded-words undecoded, as the ENVELOPE definition requires.
 */
public sealed interface Address {

    /**
     * A mailbox: {@code name <route:local@domain>}.
     *
     * @param name   the display name (phrase, quotes removed), if any; a trailing comment stands in for a
     *               missing phrase, as in {@code joe@example.com (Joe)}
     * @param route  the obsolete source route, e.g. {@code @a,@b}, if any
     * @param local  the local part (mailbox name), as written, quoted if it was quoted
     * @param domain the domain, or empty when the address has none (e.g. {@code undisclosed})
     */
    record Mailbox(Optional<String> name, Optional<String> route, String local, String domain) implements Address {
    }

    /**
     * A group: {@code name: member, member;}.
     *
     * @param name    the group's display name
     * @param members the mailboxes in the group, possibly none
     */
    record Group(String name, List<Mailbox> members) implements Address {
        /** Copies the members. */
        public Group {
            members = List.copyOf(members);
        }
    }
}
