package io.quire.mail.imap.session;

import io.quire.mail.imap.encode.UidSetEncoder;
import io.quire.mail.imap.protocol.Flag;
import io.quire.mail.imap.protocol.MailboxName;
import io.quire.mail.imap.protocol.ResponseCode;
import io.quire.mail.imap.protocol.SequenceSet;
import io.quire.mail.store.MailboxSnapshot;
import io.quire.mail.store.MessageEntry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One session's view of its selected mailbox: message sequence numbers mapped to UIDs, and for each message the
 * flags and mod-sequence the client was last told.
 *
 * <p>The store's snapshot moves on when other sessions or other replicas change the mailbox; the view moves only
 * in {@link #sync}, which turns the difference into untagged EXISTS, EXPUNGE (or VANISHED) and FETCH responses.
 * So message numbers stay consistent for the client (RFC 9051 §2.3.1.2), and an EXPUNGE can be held back while
 * FETCH, STORE or SEARCH runs (RFC 9051 §7.5.1) by syncing with {@link SyncPolicy#expungeAllowed()} false:
 * such messages stay in the view, marked {@linkplain #isExpunged expunged}, until a later sync.
 *
 * <p>A UID renumbered by a replication merge (ARCHITECTURE §4, "UID rule") is gone from the snapshot and a new,
 * higher UID appears: the client sees an EXPUNGE and an EXISTS.
 *
 * <p>Not thread-safe: a session uses its view from one task at a time.
 */
public final class MailboxView {
    private final String mailboxId;
    private final boolean readOnly;
    private final long uidValidity;
    private final List<MessageEntry> known;
    private final Set<Long> expunged = new HashSet<>();
    private final Set<String> keywords = new TreeSet<>();
    private MailboxName name;
    private String syncedHead;

    private MailboxView(MailboxSnapshot snapshot, MailboxName name, boolean readOnly) {
        this.mailboxId = snapshot.mailbox().id();
        this.uidValidity = snapshot.mailbox().uidValidity();
        this.name = name;
        this.readOnly = readOnly;
        this.known = new ArrayList<>(snapshot.messages());
        this.syncedHead = snapshot.head();
        for (MessageEntry e : known) {
            addKeywords(e);
        }
    }

    /** A view of every message in {@code snapshot}, as SELECT or EXAMINE opens it. */
    public static MailboxView open(MailboxSnapshot snapshot, MailboxName name, boolean readOnly) {
        return new MailboxView(snapshot, name, readOnly);
    }

    /** The stable mailbox id: a rename elsewhere keeps it. */
    public String mailboxId() {
        return mailboxId;
    }

    /** The mailbox's current name. */
    public MailboxName name() {
        return name;
    }

    /** Follows a rename of the selected mailbox. */
    public void renamed(MailboxName newName) {
        this.name = newName;
    }

    /** Whether the mailbox was opened with EXAMINE (or is otherwise read-only). */
    public boolean readOnly() {
        return readOnly;
    }

    /** The UIDVALIDITY the view was opened with. */
    public long uidValidity() {
        return uidValidity;
    }

    /** How many messages the client knows of: the largest message sequence number. */
    public int size() {
        return known.size();
    }

    /** The highest UID the client knows of, 0 when none. */
    public long maxUid() {
        return known.isEmpty() ? 0 : known.getLast().uid();
    }

    /** The entry as the client last saw it, for message number {@code msn} (1-based). */
    public MessageEntry entry(int msn) {
        return known.get(msn - 1);
    }

    /** The message number of {@code uid}, or 0 when the client does not know that UID. */
    public int msnOf(long uid) {
        int i = indexOf(known, uid);
        return i < 0 ? 0 : i + 1;
    }

    /** Whether the message is gone from the store but its EXPUNGE has not been sent yet. */
    public boolean isExpunged(long uid) {
        return expunged.contains(uid);
    }

    /** The flags for the FLAGS response: the system flags, then every keyword in use. */
    public List<Flag> flagList() {
        List<Flag> flags = new ArrayList<>(Flag.STORABLE_SYSTEM_FLAGS);
        flags.addAll(FlagSets.toWire(keywords));
        return flags;
    }

    /**
     * Whether every explicit number of a message-number set is at most {@link #size()}; RFC 9051 §9
     * ({@code seq-number}) makes a larger number an error, while {@code *} always resolves.
     */
    public boolean inRange(SequenceSet.Ranges set) {
        for (SequenceSet.Range r : set.ranges()) {
            boolean star = r.first() == SequenceSet.STAR || r.last() == SequenceSet.STAR;
            if (!star && Math.max(r.first(), r.last()) > size()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The messages a set names, in ascending order: message numbers, or UIDs when {@code uid}
     * ({@code *} is the largest UID in the view, RFC 9051 §6.4.8). {@code $} is resolved by the caller.
     */
    public List<ViewMessage> resolve(SequenceSet.Ranges set, boolean uid) {
        List<ViewMessage> out = new ArrayList<>();
        if (known.isEmpty()) {
            return out;
        }
        if (!uid) {
            for (SequenceSet.Interval i : set.resolve(size())) {
                for (long n = i.low(); n <= i.high(); n++) {
                    out.add(new ViewMessage((int) n, known.get((int) n - 1)));
                }
            }
            return out;
        }
        for (SequenceSet.Interval i : set.resolve(maxUid())) {
            int from = lowerBound(known, i.low());
            for (int k = from; k < known.size() && known.get(k).uid() <= i.high(); k++) {
                out.add(new ViewMessage(k + 1, known.get(k)));
            }
        }
        return out;
    }

    /** The messages with these UIDs that the client knows, ascending (for {@code $}, RFC 5182). */
    public List<ViewMessage> resolveUids(Collection<Long> uids) {
        List<ViewMessage> out = new ArrayList<>();
        for (long uid : new TreeSet<>(uids)) {
            int i = indexOf(known, uid);
            if (i >= 0) {
                out.add(new ViewMessage(i + 1, known.get(i)));
            }
        }
        return out;
    }

    /** Every message of the view. */
    public List<ViewMessage> all() {
        List<ViewMessage> out = new ArrayList<>(known.size());
        for (int i = 0; i < known.size(); i++) {
            out.add(new ViewMessage(i + 1, known.get(i)));
        }
        return out;
    }

    /**
     * Records that the client has been told this entry's flags and mod-sequence (by a FETCH or a STORE
     * response), so that the next {@link #sync} does not repeat them.
     */
    public void remember(MessageEntry current) {
        int i = indexOf(known, current.uid());
        if (i >= 0 && !expunged.contains(current.uid())) {
            known.set(i, current);
        }
    }

    /** Whether the snapshot's head is the one the view last synced with, so a diff would find nothing. */
    public boolean isSyncedWith(MailboxSnapshot snapshot) {
        return snapshot.head().equals(syncedHead) && expunged.isEmpty();
    }

    /**
     * Brings the view up to {@code snapshot} and returns what the client must be told, in this order: the
     * expunges (EXPUNGE in descending message-number order, so each number is valid when it is read, or one
     * VANISHED), new keywords (FLAGS and PERMANENTFLAGS), changed flags (FETCH), then EXISTS.
     */
    public List<Response> sync(MailboxSnapshot snapshot, SyncPolicy policy) {
        List<MessageEntry> current = snapshot.messages();
        List<Response> out = new ArrayList<>();
        MessageEntry[] now = new MessageEntry[known.size()];
        for (int i = 0; i < known.size(); i++) {
            int j = snapshot.indexOfUid(known.get(i).uid());
            if (j >= 0) {
                now[i] = current.get(j);
            } else {
                expunged.add(known.get(i).uid());
            }
        }
        long maxUid = maxUid();
        if (policy.expungeAllowed() && !expunged.isEmpty()) {
            reportExpunges(policy, out);
            List<MessageEntry> kept = new ArrayList<>(known.size());
            List<MessageEntry> keptNow = new ArrayList<>(known.size());
            for (int i = 0; i < known.size(); i++) {
                if (!expunged.contains(known.get(i).uid())) {
                    kept.add(known.get(i));
                    keptNow.add(now[i]);
                }
            }
            expunged.clear();
            known.clear();
            known.addAll(kept);
            now = keptNow.toArray(MessageEntry[]::new);
        }
        List<MessageEntry> added = new ArrayList<>();
        int first = snapshot.indexOfUid(maxUid + 1);
        for (int j = first >= 0 ? first : -first - 1; j < current.size(); j++) {
            added.add(current.get(j));
        }
        List<MessageEntry> seen = new ArrayList<>(added);
        Arrays.stream(now).filter(Objects::nonNull).forEach(seen::add);
        out.addAll(announce(seen));
        for (int i = 0; i < known.size(); i++) {
            MessageEntry before = known.get(i);
            MessageEntry after = now[i];
            if (after != null && SyncPolicy.changed(before, after, policy)) {
                out.add(policy.flagUpdate(i + 1, after));
                known.set(i, after);
            }
        }
        if (!added.isEmpty()) {
            known.addAll(added);
            out.add(new Response.Exists(known.size()));
        }
        syncedHead = snapshot.head();
        return out;
    }

    private void reportExpunges(SyncPolicy policy, List<Response> out) {
        if (policy.qresync()) {
            long[] uids = expunged.stream().mapToLong(Long::longValue).toArray();
            out.add(new Response.Vanished(false, UidSetEncoder.compact(uids)));
            return;
        }
        for (int i = known.size() - 1; i >= 0; i--) {
            if (expunged.contains(known.get(i).uid())) {
                out.add(new Response.Expunge(i + 1));
            }
        }
    }

    /**
     * Adds the keywords of {@code entries} to the announced ones; if any is new, returns the FLAGS and
     * PERMANENTFLAGS responses a client must see before a FETCH that shows it (RFC 9051 §7.3.5), else nothing.
     */
    public List<Response> announce(Collection<MessageEntry> entries) {
        int before = keywords.size();
        entries.forEach(this::addKeywords);
        if (keywords.size() == before) {
            return List.of();
        }
        return List.of(new Response.Flags(flagList()), Response.Condition.ok(
                new ResponseCode.PermanentFlags(readOnly ? List.of() : flagList(), !readOnly), "Flags permitted"));
    }

    private void addKeywords(MessageEntry e) {
        for (String f : e.flags()) {
            if (!f.startsWith("\\")) {
                keywords.add(f);
            }
        }
    }

    private static int indexOf(List<MessageEntry> byUid, long uid) {
        int i = lowerBound(byUid, uid);
        return i < byUid.size() && byUid.get(i).uid() == uid ? i : -1;
    }

    private static int lowerBound(List<MessageEntry> byUid, long uid) {
        int lo = 0;
        int hi = byUid.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (byUid.get(mid).uid() < uid) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
