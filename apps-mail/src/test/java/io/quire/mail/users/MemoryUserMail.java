package io.quire.mail.users;

import io.quire.mail.store.MailStoreException;
import io.quire.mail.store.MailboxInfo;
import io.quire.mail.store.MailboxSnapshot;
import io.quire.mail.store.MessageEntry;
import io.quire.mail.store.UserMail;
import io.quire.sdk.Databases;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** A user's mail in memory: mailboxes, append and read; enough for the directory and route tests. */
public final class MemoryUserMail implements UserMail {
    private final String user;
    private final Map<String, List<MessageEntry>> boxes = new LinkedHashMap<>();
    private final Map<String, byte[]> bodies = new ConcurrentHashMap<>();
    private final Set<String> subscribed = new HashSet<>();

    MemoryUserMail(String user) {
        this.user = user;
        boxes.put("INBOX", new ArrayList<>());
    }

    /** Creates and opens users' mail kept in a map, as if each had a database. */
    public static UserMailFactory factory() {
        Map<String, MemoryUserMail> all = new ConcurrentHashMap<>();
        return new UserMailFactory() {
            @Override
            public UserMail create(Databases databases, String user) {
                return all.computeIfAbsent(user, MemoryUserMail::new);
            }

            @Override
            public Optional<UserMail> open(Databases databases, String user) {
                return Optional.ofNullable(all.get(user));
            }
        };
    }

    @Override
    public String user() {
        return user;
    }

    @Override
    public synchronized List<MailboxInfo> mailboxes() {
        return boxes.keySet().stream().map(this::info).toList();
    }

    private MailboxInfo info(String name) {
        List<MessageEntry> m = boxes.get(name);
        return new MailboxInfo(name, name, Optional.empty(), subscribed.contains(name), 1, m.size() + 1L, m.size(), m.size(),
                (int) m.stream().filter(e -> !e.flags().contains("\\Seen")).count());
    }

    @Override
    public synchronized Optional<MailboxInfo> mailbox(String name) {
        return boxes.containsKey(name) ? Optional.of(info(name)) : Optional.empty();
    }

    @Override
    public synchronized MailboxInfo create(String name, Optional<String> specialUse) {
        if (boxes.containsKey(name)) throw new MailStoreException(MailStoreException.Kind.ALREADY_EXISTS, name);
        boxes.put(name, new ArrayList<>());
        return info(name);
    }

    @Override
    public synchronized void subscribe(String name, boolean on) {
        if (on) subscribed.add(name);
        else subscribed.remove(name);
    }

    @Override
    public synchronized MailboxSnapshot snapshot(String mailbox) {
        List<MessageEntry> b = box(mailbox);
        return new MailboxSnapshot(info(mailbox), "", List.copyOf(b));
    }

    private List<MessageEntry> box(String name) {
        List<MessageEntry> b = boxes.get(name);
        if (b == null) throw new MailStoreException(MailStoreException.Kind.NO_SUCH_MAILBOX, "no mailbox " + name);
        return b;
    }

    @Override
    public synchronized Appended append(String mailbox, byte[] raw, Set<String> flags, Instant internalDate) {
        List<MessageEntry> b = box(mailbox);
        long uid = b.size() + 1L;
        String id = mailbox + "-" + uid;
        bodies.put(id, raw.clone());
        b.add(new MessageEntry(id, uid, Set.copyOf(flags), internalDate, uid, raw.length, id));
        return new Appended(1, uid, id);
    }

    @Override
    public synchronized List<Appended> appendAll(String mailbox, List<NewMessage> messages) {
        box(mailbox);
        return messages.stream().map(m -> append(mailbox, m.raw(), m.flags(), m.internalDate())).toList();
    }

    @Override
    public byte[] body(MessageEntry message) {
        return bodies.get(message.bodyBlob()).clone();
    }

    @Override
    public void delete(String name) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void rename(String from, String to) {
        throw new UnsupportedOperationException();
    }

    @Override
    public StoreOutcome store(String mailbox, Collection<Long> uids, FlagChange change, OptionalLong unchangedSince) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CopyOutcome copy(String from, Collection<Long> uids, String to) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CopyOutcome move(String from, Collection<Long> uids, String to) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Long> expunge(String mailbox, Optional<Collection<Long>> uids) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Long> vanishedSince(String mailbox, long modseq) {
        return List.of();
    }

    @Override
    public AutoCloseable watch(Consumer<Set<String>> changedMailboxes) {
        return () -> { };
    }
}
