package io.quire.mail.imap.server;

import io.quire.mail.store.MailStore;
import io.quire.mail.store.MailStoreException;
import io.quire.mail.store.MailboxInfo;
import io.quire.mail.store.MailboxSnapshot;
import io.quire.mail.store.MessageEntry;
import io.quire.mail.store.UserMail;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * An in-memory {@link MailStore} for IMAP tests, following the {@link UserMail} contract: UIDs from UIDNEXT,
 * a mod-sequence per mailbox, VANISHED history, and a watch called after every change. It can also play a
 * replication merge that renumbers a UID ({@link MemoryUserMail#renumber}).
 */
public final class MemoryMailStore implements MailStore {
    private final Map<String, String> passwords = new ConcurrentHashMap<>();
    private final Map<String, MemoryUserMail> users = new ConcurrentHashMap<>();

    /** Adds a user with an INBOX. */
    public MemoryUserMail addUser(String name, String password) {
        String key = name.toLowerCase(Locale.ROOT);
        passwords.put(key, password);
        MemoryUserMail mail = new MemoryUserMail(key);
        users.put(key, mail);
        mail.create("INBOX", Optional.empty());
        return mail;
    }

    @Override
    public Optional<UserMail> user(String userName) {
        return Optional.ofNullable(users.get(userName.toLowerCase(Locale.ROOT)));
    }

    /** The user's mail, for test set-up. */
    public MemoryUserMail mail(String userName) {
        return users.get(userName.toLowerCase(Locale.ROOT));
    }

    @Override
    public Optional<String> authenticate(String userName, String password) {
        String key = userName.toLowerCase(Locale.ROOT);
        String expected = passwords.get(key);
        return expected != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                password.getBytes(StandardCharsets.UTF_8)) ? Optional.of(key) : Optional.empty();
    }

    @Override
    public Optional<String> resolveAddress(String address) {
        String key = address.toLowerCase(Locale.ROOT);
        return users.containsKey(key) ? Optional.of(key) : Optional.empty();
    }

    @Override
    public void close() {
    }

    /** One user's mailboxes; every method is atomic (one lock), watchers are called after it. */
    public static final class MemoryUserMail implements UserMail {
        private static final AtomicLong IDS = new AtomicLong(1000);

        private final String user;
        private final Map<String, Box> boxes = new TreeMap<>();
        private final Map<String, byte[]> blobs = new HashMap<>();
        private final List<Consumer<Set<String>>> watchers = new CopyOnWriteArrayList<>();
        private long head;

        MemoryUserMail(String user) {
            this.user = user;
        }

        private static final class Box {
            final String id;
            String name;
            Optional<String> specialUse;
            boolean subscribed;
            final long uidValidity;
            long uidNext = 1;
            long highestModseq = 1;
            final TreeMap<Long, MessageEntry> messages = new TreeMap<>();
            final List<long[]> vanished = new ArrayList<>();

            Box(String name, Optional<String> specialUse) {
                this.id = "mb" + IDS.incrementAndGet();
                this.name = name;
                this.specialUse = specialUse;
                this.uidValidity = IDS.incrementAndGet();
            }

            MailboxInfo info() {
                int unseen = (int) messages.values().stream().filter(e -> !e.flags().contains("\\Seen")).count();
                return new MailboxInfo(id, name, specialUse, subscribed, uidValidity, uidNext, highestModseq,
                        messages.size(), unseen);
            }

            void remove(long uid) {
                messages.remove(uid);
                vanished.add(new long[] {uid, ++highestModseq});
            }
        }

        @Override
        public String user() {
            return user;
        }

        @Override
        public synchronized List<MailboxInfo> mailboxes() {
            return boxes.values().stream().map(Box::info).toList();
        }

        @Override
        public synchronized Optional<MailboxInfo> mailbox(String name) {
            return Optional.ofNullable(boxes.get(name)).map(Box::info);
        }

        @Override
        public MailboxInfo create(String name, Optional<String> specialUse) {
            MailboxInfo info;
            synchronized (this) {
                if (boxes.containsKey(name)) {
                    throw new MailStoreException(MailStoreException.Kind.ALREADY_EXISTS, "exists");
                }
                Box b = new Box(name, specialUse);
                boxes.put(name, b);
                info = b.info();
                head++;
            }
            changed(name);
            return info;
        }

        @Override
        public void delete(String name) {
            synchronized (this) {
                if (name.equals("INBOX")) {
                    throw new MailStoreException(MailStoreException.Kind.NOT_ALLOWED, "INBOX");
                }
                box(name);
                boxes.remove(name);
                head++;
            }
            changed(name);
        }

        @Override
        public void rename(String from, String to) {
            synchronized (this) {
                Box source = box(from);
                if (boxes.containsKey(to)) {
                    throw new MailStoreException(MailStoreException.Kind.ALREADY_EXISTS, "exists");
                }
                if (from.equals("INBOX")) {
                    Box target = new Box(to, Optional.empty());
                    boxes.put(to, target);
                    for (MessageEntry e : new ArrayList<>(source.messages.values())) {
                        long uid = target.uidNext++;
                        target.messages.put(uid, new MessageEntry(e.id(), uid, e.flags(), e.internalDate(),
                                ++target.highestModseq, e.size(), e.bodyBlob()));
                        source.remove(e.uid());
                    }
                } else {
                    for (String name : new ArrayList<>(boxes.keySet())) {
                        if (name.equals(from) || name.startsWith(from + "/")) {
                            Box b = boxes.remove(name);
                            b.name = to + name.substring(from.length());
                            boxes.put(b.name, b);
                        }
                    }
                }
                head++;
            }
            changed(from, to);
        }

        @Override
        public void subscribe(String name, boolean subscribed) {
            synchronized (this) {
                box(name).subscribed = subscribed;
                head++;
            }
            changed(name);
        }

        @Override
        public synchronized MailboxSnapshot snapshot(String mailbox) {
            Box b = box(mailbox);
            return new MailboxSnapshot(b.info(), "h" + head, List.copyOf(b.messages.values()));
        }

        @Override
        public Appended append(String mailbox, byte[] raw, Set<String> flags, Instant internalDate) {
            return appendAll(mailbox, List.of(new NewMessage(raw, flags, internalDate))).getFirst();
        }

        @Override
        public List<Appended> appendAll(String mailbox, List<NewMessage> messages) {
            List<Appended> out = new ArrayList<>();
            synchronized (this) {
                Box b = box(mailbox);
                for (NewMessage m : messages) {
                    String blob = blob(m.raw());
                    long uid = b.uidNext++;
                    String id = "m" + IDS.incrementAndGet();
                    b.messages.put(uid, new MessageEntry(id, uid, Set.copyOf(m.flags()), m.internalDate(),
                            ++b.highestModseq, m.raw().length, blob));
                    out.add(new Appended(b.uidValidity, uid, id));
                }
                head++;
            }
            changed(mailbox);
            return out;
        }

        @Override
        public StoreOutcome store(String mailbox, Collection<Long> uids, FlagChange change,
                                  OptionalLong unchangedSince) {
            List<MessageEntry> changed = new ArrayList<>();
            List<Long> modified = new ArrayList<>();
            synchronized (this) {
                Box b = box(mailbox);
                for (long uid : uids) {
                    MessageEntry e = b.messages.get(uid);
                    if (e == null) {
                        continue;
                    }
                    if (unchangedSince.isPresent() && e.modseq() > unchangedSince.getAsLong()) {
                        modified.add(uid);
                        continue;
                    }
                    Set<String> flags = new LinkedHashSet<>(e.flags());
                    switch (change.mode()) {
                        case ADD -> flags.addAll(change.flags());
                        case REMOVE -> flags.removeAll(change.flags());
                        case REPLACE -> {
                            flags.clear();
                            flags.addAll(change.flags());
                        }
                    }
                    if (!flags.equals(e.flags())) {
                        e = new MessageEntry(e.id(), uid, Set.copyOf(flags), e.internalDate(), ++b.highestModseq,
                                e.size(), e.bodyBlob());
                        b.messages.put(uid, e);
                    }
                    changed.add(e);
                }
                head++;
            }
            changed(mailbox);
            return new StoreOutcome(changed, modified);
        }

        @Override
        public CopyOutcome copy(String from, Collection<Long> uids, String to) {
            return transfer(from, uids, to, false);
        }

        @Override
        public CopyOutcome move(String from, Collection<Long> uids, String to) {
            return transfer(from, uids, to, true);
        }

        private CopyOutcome transfer(String from, Collection<Long> uids, String to, boolean move) {
            CopyOutcome outcome;
            synchronized (this) {
                Box source = box(from);
                Box target = box(to);
                List<Long> src = new ArrayList<>();
                List<Long> dst = new ArrayList<>();
                for (long uid : uids.stream().sorted().toList()) {
                    MessageEntry e = source.messages.get(uid);
                    if (e == null) {
                        continue;
                    }
                    long newUid = target.uidNext++;
                    target.messages.put(newUid, new MessageEntry(move ? e.id() : "m" + IDS.incrementAndGet(), newUid,
                            e.flags(), e.internalDate(), ++target.highestModseq, e.size(), e.bodyBlob()));
                    if (move) {
                        source.remove(uid);
                    }
                    src.add(uid);
                    dst.add(newUid);
                }
                outcome = new CopyOutcome(target.uidValidity, src, dst);
                head++;
            }
            changed(from, to);
            return outcome;
        }

        @Override
        public List<Long> expunge(String mailbox, Optional<Collection<Long>> uids) {
            List<Long> gone = new ArrayList<>();
            synchronized (this) {
                Box b = box(mailbox);
                for (MessageEntry e : new ArrayList<>(b.messages.values())) {
                    if (e.flags().contains("\\Deleted") && (uids.isEmpty() || uids.get().contains(e.uid()))) {
                        b.remove(e.uid());
                        gone.add(e.uid());
                    }
                }
                head++;
            }
            changed(mailbox);
            return gone;
        }

        @Override
        public synchronized byte[] body(MessageEntry message) {
            byte[] b = blobs.get(message.bodyBlob());
            if (b == null) {
                throw new MailStoreException(MailStoreException.Kind.UNAVAILABLE, "no blob");
            }
            return b;
        }

        @Override
        public synchronized List<Long> vanishedSince(String mailbox, long modseq) {
            return box(mailbox).vanished.stream().filter(v -> v[1] > modseq).map(v -> v[0]).toList();
        }

        @Override
        public AutoCloseable watch(Consumer<Set<String>> changedMailboxes) {
            watchers.add(changedMailboxes);
            return () -> watchers.remove(changedMailboxes);
        }

        /** How many watches are registered (sessions release theirs when they end). */
        public int watches() {
            return watchers.size();
        }

        /**
         * Plays a replication merge that renumbered {@code uid}: the message gets a new UID above UIDNEXT and the
         * old one is reported vanished (ARCHITECTURE §4, "UID rule").
         */
        public long renumber(String mailbox, long uid) {
            long newUid;
            synchronized (this) {
                Box b = box(mailbox);
                MessageEntry e = b.messages.get(uid);
                b.remove(uid);
                newUid = b.uidNext++;
                b.messages.put(newUid, new MessageEntry(e.id(), newUid, e.flags(), e.internalDate(),
                        ++b.highestModseq, e.size(), e.bodyBlob()));
                head++;
            }
            changed(mailbox);
            return newUid;
        }

        private Box box(String name) {
            Box b = boxes.get(name);
            if (b == null) {
                throw new MailStoreException(MailStoreException.Kind.NO_SUCH_MAILBOX, "no such mailbox");
            }
            return b;
        }

        private String blob(byte[] raw) {
            try {
                String id = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(raw));
                blobs.put(id, raw.clone());
                return id;
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        private void changed(String... names) {
            Set<String> set = Set.of(names.length == 2 && names[0].equals(names[1]) ? new String[] {names[0]} : names);
            for (Consumer<Set<String>> w : watchers) {
                w.accept(set);
            }
        }
    }
}
