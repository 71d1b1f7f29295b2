package io.quire.mail.imap.session;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The state of one IMAP connection: its {@link SessionState}, the extensions the client enabled, whether TLS is on,
 * and the SEARCHRES result ({@code $}).
 *
 * <p>Commands of a session run one at a time, each as a task on the session's ordered worker queue; the queue's
 * hand-over gives each task the previous one's writes. The few fields the connection reads on its event loop
 * between commands are volatile.
 */
public final class ImapSession {
    private final String remoteAddress;
    private final Set<Extension> enabled = Collections.synchronizedSet(EnumSet.noneOf(Extension.class));
    private final AtomicBoolean dirty = new AtomicBoolean();
    private volatile SessionState state = new NotAuthenticated();
    private volatile boolean tls;
    private volatile Runnable onChange = () -> { };
    private List<Long> saved = List.of();
    private AutoCloseable resources = () -> { };

    /** A new, not authenticated session for a client at {@code remoteAddress}. */
    public ImapSession(String remoteAddress, boolean tls) {
        this.remoteAddress = Objects.requireNonNull(remoteAddress);
        this.tls = tls;
    }

    /** The client's IP address, for throttling and logs. */
    public String remoteAddress() {
        return remoteAddress;
    }

    /** The current state. */
    public SessionState state() {
        return state;
    }

    /** Moves to another state. */
    public void state(SessionState next) {
        this.state = Objects.requireNonNull(next);
    }

    /** Whether the connection is protected by TLS (implicit, or after STARTTLS). */
    public boolean tls() {
        return tls;
    }

    /** Records that STARTTLS completed. */
    public void tlsStarted() {
        this.tls = true;
    }

    /** Whether the client enabled (or, for CONDSTORE, used) this extension. */
    public boolean enabled(Extension e) {
        return enabled.contains(e) || e == Extension.CONDSTORE && enabled.contains(Extension.QRESYNC);
    }

    /** Enables an extension; returns whether it was newly enabled. */
    public boolean enable(Extension e) {
        return enabled.add(e);
    }

    /** Whether UTF8=ACCEPT is on, which changes how names and strings are read and written. */
    public boolean utf8() {
        return enabled.contains(Extension.UTF8_ACCEPT);
    }

    /** The UIDs saved by {@code SEARCH RETURN (SAVE)} (RFC 5182), ascending. */
    public List<Long> savedSearch() {
        return saved;
    }

    /** Replaces the saved search result. */
    public void saveSearch(List<Long> uids) {
        this.saved = List.copyOf(uids);
    }

    /**
     * Marks the selected mailbox as possibly changed: the store's watch calls this after every new head
     * (local commit or replication merge) and the session wakes an IDLE.
     */
    public void markDirty() {
        dirty.set(true);
        onChange.run();
    }

    /** Clears the dirty mark, returning whether it was set. */
    public boolean takeDirty() {
        return dirty.getAndSet(false);
    }

    /** What to run when the store reports a change (the connection wakes its IDLE); called on a store thread. */
    public void onChange(Runnable listener) {
        this.onChange = Objects.requireNonNull(listener);
    }

    /**
     * Things to release when the session ends: the store watch and the per-user connection slot acquired at
     * login.
     */
    public synchronized void holdUntilClosed(AutoCloseable resource) {
        AutoCloseable previous = this.resources;
        this.resources = () -> {
            try {
                resource.close();
            } finally {
                previous.close();
            }
        };
    }

    /** Releases what {@link #holdUntilClosed} collected; safe to call more than once. */
    public void close() throws Exception {
        AutoCloseable r;
        synchronized (this) {
            r = resources;
            resources = () -> { };
        }
        r.close();
    }
}
