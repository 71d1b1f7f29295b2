package io.quire.mail.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.mail.maildir.ImportedMessage;
import io.quire.sdk.remote.Wire;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sends messages to the import route in batches as they are read, so that importing a large Maildir
 * or mbox holds one batch in memory, not the whole mailbox, and prints progress after each batch.
 * Each batch is one commit per mailbox run on the node. A folder's source UID state (a Maildir's
 * {@code dovecot-uidlist}) travels with it so the node can keep the source's UIDs: UIDVALIDITY with the
 * folder's first batch, UIDNEXT with the batch after its last message ({@link #endFolder}).
 */
final class BatchUploader {
    static final int MAX_MESSAGES = 200;
    /** Raw bytes per batch: base64 adds a third, which keeps requests far below the API's 16 MiB body limit. */
    static final long MAX_BYTES = 4L * 1024 * 1024;
    /** The largest single message the API can take once base64-encoded into one request. */
    static final long MAX_MESSAGE = 11L * 1024 * 1024;

    private final MailApiClient api;
    private final String user;
    private final PrintStream out;
    private final Map<String, Folder> pendingMailboxes = new LinkedHashMap<>();
    private final List<ImportedMessage> pending = new ArrayList<>();
    private final Set<String> folders = new LinkedHashSet<>();
    private final List<String> skipped = new ArrayList<>();
    private long pendingBytes;
    private int imported;
    private int uidsKept;
    private int uidsGiven;

    /** A mailbox entry of the next batch: {@code uidValidity}, {@code uidNext} 0 when unknown or not sent. */
    private record Folder(boolean subscribed, long uidValidity, long uidNext) {
        Folder merge(Folder o) {
            return new Folder(subscribed || o.subscribed, Math.max(uidValidity, o.uidValidity), Math.max(uidNext, o.uidNext));
        }
    }

    BatchUploader(MailApiClient api, String user, PrintStream out) {
        this.api = api;
        this.user = user;
        this.out = out;
    }

    /** Creates (and subscribes) a mailbox with the next batch, even if no message goes into it. */
    void mailbox(String name, boolean subscribed) {
        mailbox(name, subscribed, 0);
    }

    /** As {@link #mailbox(String, boolean)}, with the source folder's UIDVALIDITY (0: unknown). */
    void mailbox(String name, boolean subscribed, long uidValidity) {
        pendingMailboxes.merge(ImportedMessage.normalizeFolder(name), new Folder(subscribed, nz32(uidValidity), 0), Folder::merge);
    }

    /**
     * After a folder's last message: the node raises the mailbox's UIDNEXT to the source's once its
     * messages are stored, so mail delivered later never takes a UID the source had used.
     */
    void endFolder(String name, long uidValidity, long uidNext) {
        if (nz32(uidValidity) > 0 && nz32(uidNext) > 0)
            pendingMailboxes.merge(ImportedMessage.normalizeFolder(name), new Folder(false, uidValidity, uidNext), Folder::merge);
    }

    /** The value when it is a valid UID or UIDVALIDITY (RFC 3501 §2.3.1.1: 1..2^32-1), else 0 (a damaged uidlist). */
    private static long nz32(long v) {
        return v > 0 && v <= 0xFFFF_FFFFL ? v : 0;
    }

    void add(ImportedMessage m) throws CliFailure {
        if (m.raw().length > MAX_MESSAGE) {
            skipped.add(m.folder() + ": a message of " + m.raw().length + " bytes is larger than the import limit of " + MAX_MESSAGE);
            return;
        }
        if (!pending.isEmpty() && (pending.size() >= MAX_MESSAGES || pendingBytes + m.raw().length > MAX_BYTES)) flush();
        pending.add(m);
        pendingBytes += m.raw().length;
    }

    /** Notes something that could not be read, for the summary. */
    void skip(String what) {
        skipped.add(what);
    }

    void flush() throws CliFailure {
        if (pending.isEmpty() && pendingMailboxes.isEmpty()) return;
        ObjectNode batch = Wire.object();
        ArrayNode boxes = batch.putArray("mailboxes");
        pendingMailboxes.forEach((name, f) -> {
            ObjectNode o = boxes.addObject().put("name", name).put("subscribed", f.subscribed());
            if (f.uidValidity() > 0) o.put("uidValidity", f.uidValidity());
            if (f.uidValidity() > 0 && f.uidNext() > 0) o.put("uidNext", f.uidNext());
        });
        ArrayNode list = batch.putArray("messages");
        for (ImportedMessage m : pending) {
            ObjectNode o = list.addObject().put("mailbox", m.folder());
            m.flags().forEach(o.putArray("flags")::add);
            o.put("internalDate", m.internalDate().toString());
            o.put("raw", Base64.getEncoder().encodeToString(m.raw()));
            if (m.uid().isPresent()) o.put("uid", m.uid().getAsLong()).put("uidValidity", m.uidValidity().getAsLong());
        }
        uidsKept += api.importBatch(user, batch).path("uidsKept").asInt(0);
        uidsGiven += (int) pending.stream().filter(m -> m.uid().isPresent()).count();
        folders.addAll(pendingMailboxes.keySet());
        pending.forEach(m -> folders.add(m.folder()));
        imported += pending.size();
        boolean progress = !pending.isEmpty();
        pending.clear();
        pendingMailboxes.clear();
        pendingBytes = 0;
        if (progress) out.println("  " + imported + " messages imported (" + folders.size() + (folders.size() == 1 ? " folder)" : " folders)"));
    }

    int imported() {
        return imported;
    }

    /** Messages that came with a source UID, and how many of them the node stored under it. */
    int uidsGiven() {
        return uidsGiven;
    }

    int uidsKept() {
        return uidsKept;
    }

    Set<String> folders() {
        return folders;
    }

    List<String> skipped() {
        return skipped;
    }
}
