package io.quire.server.replication;

/**
 * Replication state of one database towards one peer: at most one push in flight, bursts coalesced
 * (a push in flight absorbs the commits made meanwhile: they go in the next one), failures backed
 * off. What the peer still needs is never stored here: it is whatever lies between the peer's
 * acknowledged ref and our head, so the outbox is durable by construction.
 */
final class PeerLink {
    final String db;
    final Peer peer;
    private boolean inFlight;
    private boolean dirty;
    private int failures;
    volatile String acked = "";
    volatile long lastContact;
    volatile String lastError = "";
    volatile long pendingSince;

    PeerLink(String db, Peer peer) {
        this.db = db;
        this.peer = peer;
    }

    /** True when the caller should start a push now; otherwise one in flight will be followed by another. */
    synchronized boolean begin(long now) {
        if (pendingSince == 0) pendingSince = now;
        if (inFlight) {
            dirty = true;
            return false;
        }
        inFlight = true;
        dirty = false;
        return true;
    }

    /** Ends a push; true when another is wanted at once (commits arrived meanwhile). */
    synchronized boolean succeeded(String ackedHead, String headNow, long now) {
        inFlight = false;
        failures = 0;
        acked = ackedHead;
        lastContact = now;
        lastError = "";
        if (ackedHead.equals(headNow) && !dirty) pendingSince = 0;
        boolean again = dirty;
        dirty = false;
        return again;
    }

    /** Ends a failed push; returns the delay before retrying (exponential, capped at 30 s). */
    synchronized long failed(String error) {
        inFlight = false;
        dirty = false;
        failures++;
        lastError = error == null ? "unknown error" : error;
        return Math.min(30_000L, 100L << Math.min(failures, 9));
    }

    /** Forgets the back-off when the peer is known to be back; true when a retry should start now. */
    synchronized boolean wake() {
        if (failures == 0 || inFlight) return false;
        failures = 0;
        return true;
    }

    synchronized int failures() {
        return failures;
    }
}
