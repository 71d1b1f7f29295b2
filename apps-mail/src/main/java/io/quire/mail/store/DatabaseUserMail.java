package io.quire.mail.store;

import io.quire.mail.model.MailboxName;
import io.quire.mail.model.MessageIds;
import io.quire.mail.model.SpecialUse;
import io.quire.mail.store.MailStoreException.Kind;
import io.quire.sdk.Database;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@link UserMail} over one user's mail database ({@code mail.<user>}, schema {@link MailSchema}):
 * reads come from the derived {@link MailIndex}, writes go through one {@link Writer} per database,
 * and a listener on the database keeps the index current and runs the {@link Repairs} a merge
 * calls for. Obtain the shared instance of a database with {@link MailSchema#create} or
 * {@link MailSchema#open} (two instances on one database would each allocate UIDs); the
 * constructor is for tests and tools that own the database.
 *
 * <p>Thread-safe. Blocking: never call it on an event loop.
 */
public final class DatabaseUserMail implements UserMail, AutoCloseable {
    private final Database db;
    private final String user;
    private final MailIndex index;
    private final Writer writer;
    private final MailboxPlans mailboxPlans;
    private final MessagePlans messagePlans;
    private final ImportPlans importPlans;
    private final MailEvents events;
    private final AutoCloseable listening;

    /** Opens the mail of {@code user} in {@code db} with {@link MailOptions#defaults()}. */
    public DatabaseUserMail(Database db, String user) {
        this(db, user, MailOptions.defaults());
    }

    /** Opens the mail of {@code user} in {@code db}: builds the index (a full listing) before returning. */
    public DatabaseUserMail(Database db, String user, MailOptions options) {
        this.db = db;
        this.user = user;
        this.index = new MailIndex(db, options.indexDir().map(d -> d.resolve(IndexSnapshot.fileName(db.name()))));
        MessageIds ids = new MessageIds(options.node());
        this.mailboxPlans = new MailboxPlans(ids);
        this.messagePlans = new MessagePlans(ids);
        this.importPlans = new ImportPlans(ids);
        this.events = new MailEvents(options, index, this::repair, db.name());
        Clock clock = options.clock();
        this.writer = new Writer(db, index, events::published, options.vanishedLimit(), clock);
        this.listening = db.listen(batch -> events.published(index.onBatch(batch)));
        events.published(index.refresh());
    }

    /** The database this mail lives in. */
    public Database database() {
        return db;
    }

    @Override
    public String user() {
        return user;
    }

    @Override
    public List<MailboxInfo> mailboxes() {
        IndexView v = index.view();
        return v.mailboxes().values().stream().sorted(Comparator.comparing(MailboxRecord::name).thenComparing(MailboxRecord::id))
                .map(v::info).toList();
    }

    @Override
    public Optional<MailboxInfo> mailbox(String name) {
        IndexView v = index.view();
        return MailboxName.parse(name).flatMap(n -> v.byName(n.value())).map(v::info);
    }

    @Override
    public MailboxInfo create(String name, Optional<String> specialUse) {
        // RFC 3501 §6.3.3: a trailing delimiter declares the intent to create inferiors; it is not part of the name.
        String n = name != null && name.length() > 1 && name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        MailboxName mn = name(n);
        Optional<String> use = specialUse.map(s -> SpecialUse.parse(s)
                .orElseThrow(() -> new MailStoreException(Kind.NOT_ALLOWED, "unknown special-use attribute " + s + " (RFC 6154)")));
        return writer.write("create " + mn, d -> mailboxPlans.create(d, mn, use));
    }

    @Override
    public void delete(String name) {
        MailboxName mn = name(name);
        writer.write("delete " + mn, d -> mailboxPlans.delete(d, mn));
    }

    @Override
    public void rename(String from, String to) {
        MailboxName f = name(from), t = name(to);
        writer.write("rename " + f + " to " + t, d -> mailboxPlans.rename(d, f, t));
    }

    @Override
    public void subscribe(String name, boolean subscribed) {
        MailboxName mn = name(name);
        writer.write((subscribed ? "subscribe " : "unsubscribe ") + mn, d -> mailboxPlans.subscribe(d, mn, subscribed));
    }

    @Override
    public MailboxSnapshot snapshot(String mailbox) {
        IndexView v = index.view();
        MailboxRecord r = MailboxPlans.require(v, name(mailbox));
        return new MailboxSnapshot(v.info(r), v.head(), v.entries(r.id()));
    }

    @Override
    public Appended append(String mailbox, byte[] raw, Set<String> flags, Instant internalDate) {
        return appendAll(mailbox, List.of(new NewMessage(raw, flags, internalDate))).get(0);
    }

    @Override
    public List<Appended> appendAll(String mailbox, List<NewMessage> messages) {
        MailboxName mn = name(mailbox);
        Instant now = Instant.now();
        List<NewMessage> ms = messages.stream().map(m -> new NewMessage(m.raw(), m.flags() == null ? Set.of() : m.flags(),
                m.internalDate() == null ? now : m.internalDate())).toList();
        return writer.write("append " + ms.size() + " to " + mn, d -> messagePlans.append(d, mn, ms));
    }

    @Override
    public List<Appended> importKeepingUids(String mailbox, KeptUids batch) {
        MailboxName mn = name(mailbox);
        Instant now = Instant.now();
        List<NewMessage> ms = batch.messages().stream().map(m -> new NewMessage(m.raw(), m.flags() == null ? Set.of() : m.flags(),
                m.internalDate() == null ? now : m.internalDate())).toList();
        KeptUids b = new KeptUids(batch.uidValidity(), batch.uidNext(), ms, batch.uids());
        return writer.write("import " + ms.size() + " to " + mn + " keeping UIDs", d -> importPlans.importKeepingUids(d, mn, b));
    }

    @Override
    public StoreOutcome store(String mailbox, Collection<Long> uids, FlagChange change, OptionalLong unchangedSince) {
        MailboxName mn = name(mailbox);
        return writer.write("store flags in " + mn, d -> messagePlans.store(d, mn, uids, change, unchangedSince));
    }

    @Override
    public CopyOutcome copy(String from, Collection<Long> uids, String to) {
        MailboxName f = name(from), t = name(to);
        return writer.write("copy " + f + " to " + t, d -> messagePlans.copy(d, f, uids, t));
    }

    @Override
    public CopyOutcome move(String from, Collection<Long> uids, String to) {
        MailboxName f = name(from), t = name(to);
        return writer.write("move " + f + " to " + t, d -> messagePlans.move(d, f, uids, t));
    }

    @Override
    public List<Long> expunge(String mailbox, Optional<Collection<Long>> uids) {
        MailboxName mn = name(mailbox);
        return writer.write("expunge " + mn, d -> messagePlans.expunge(d, mn, uids));
    }

    @Override
    public byte[] body(MessageEntry message) {
        return db.blob(message.bodyBlob()).orElseThrow(() ->
                new MailStoreException(Kind.UNAVAILABLE, "the body of message " + message.id() + " is missing"));
    }

    @Override
    public List<Long> vanishedSince(String mailbox, long modseq) {
        IndexView v = index.view();
        return v.vanishedOf(MailboxPlans.require(v, name(mailbox)).id()).uidsSince(modseq);
    }

    @Override
    public long vanishedFloor(String mailbox) {
        return MailboxPlans.require(index.view(), name(mailbox)).vanishedFloor();
    }

    @Override
    public AutoCloseable watch(Consumer<Set<String>> changedMailboxes) {
        return events.watch(changedMailboxes);
    }

    /** Creates the default mailboxes that are missing (INBOX, Sent, Drafts, Trash, Junk, Archive). */
    public void ensureDefaults() {
        writer.write("default mailboxes", DefaultMailboxes::plan);
    }

    /** Brings the index to the database's head now, and runs any repair it calls for (tests, IMAP CHECK). */
    public void sync() {
        events.published(index.refresh());
        for (int i = 0; i < 10 && repair(); i++) {
            events.published(index.refresh());
        }
    }

    /** The index's current view (tests look at states a client cannot name, e.g. duplicate names). */
    IndexView view() {
        return index.view();
    }

    /** The writer (tests queue several operations to see them share one commit). */
    Writer writer() {
        return writer;
    }

    /** Brings the index to the database's head without repairing (tests check a merge before its repair). */
    void refresh() {
        events.published(index.refresh());
    }

    /** Runs one repair round (see {@link Repairs}) if one is needed; true when it wrote a commit. */
    public boolean repair() {
        if (!Repairs.needed(index.view(), index.departures())) return false;
        Repairs.Outcome o = writer.writeAlone("repair after merge", d -> Repairs.plan(d, Set.copyOf(index.departures())));
        index.departures().removeAll(o.handled());
        return o.wrote();
    }

    /** Stops listening to the database (the database itself stays open). */
    @Override
    public void close() {
        try {
            listening.close();
        } catch (Exception e) {
            // closing a listener of a closed database: nothing left to stop
        }
        events.close();
        index.persist();
        MailSchema.forget(db, this);
    }

    private static MailboxName name(String name) {
        String p = MailboxName.problem(name);
        if (p != null) throw new MailStoreException(Kind.INVALID_NAME, p);
        return MailboxName.of(name);
    }
}
