package io.quire.mail.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.mail.model.Flags;
import io.quire.sdk.Document;
import io.quire.sdk.DocumentId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The JSON of the mail schema's documents, both ways: the one place that knows field names. A
 * document that does not read as its type (it cannot pass the schema, but a later schema version
 * might add shapes) is skipped by the index rather than failing it.
 */
final class MailDocs {
    static final String ACCOUNT = "account";
    static final String MAILBOX = "mailbox";
    static final String MESSAGE = "message";
    static final String VANISHED = "vanished";
    static final DocumentId ACCOUNT_ID = DocumentId.of(ACCOUNT, "self");
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private MailDocs() {
    }

    /** A message as the index holds it: where it is, its entry, and its revision. */
    record IndexedMessage(String mailboxId, MessageEntry entry, String rev) {
    }

    /** A vanished record: a UID that left a mailbox, with the modseq of its leaving. */
    record VanishedRecord(String docId, String mailboxId, long uid, long modseq, String rev) {
    }

    static DocumentId mailboxId(String id) {
        return DocumentId.of(MAILBOX, id);
    }

    static DocumentId messageId(String id) {
        return DocumentId.of(MESSAGE, id);
    }

    static DocumentId vanishedId(String mailboxId, long uid) {
        return DocumentId.of(VANISHED, mailboxId + ":" + uid);
    }

    static ObjectNode mailbox(MailboxRecord m) {
        ObjectNode o = F.objectNode();
        o.put("name", m.name());
        m.specialUse().ifPresent(s -> o.put("specialUse", s));
        o.put("subscribed", m.subscribed());
        o.put("uidValidity", m.uidValidity());
        o.put("uidNext", m.uidNext());
        o.put("highestModseq", m.highestModseq());
        if (m.vanishedFloor() > 0) o.put("vanishedFloor", m.vanishedFloor());
        return o;
    }

    static Optional<MailboxRecord> mailbox(Document d) {
        JsonNode o = d.data();
        if (!o.path("name").isTextual() || !o.path("uidNext").canConvertToLong()) return Optional.empty();
        Optional<String> special = o.path("specialUse").isTextual() ? Optional.of(o.get("specialUse").asText()) : Optional.empty();
        return Optional.of(new MailboxRecord(d.id().id(), d.rev().value(), o.get("name").asText(), special,
                o.path("subscribed").asBoolean(false), o.path("uidValidity").asLong(1), o.path("uidNext").asLong(1),
                o.path("highestModseq").asLong(1), o.path("vanishedFloor").asLong(0)));
    }

    /** A message document; the body is a reference to an existing blob ({@code {"$blob": id}}). */
    static ObjectNode message(String mailboxId, MessageEntry e) {
        ObjectNode o = messageWithoutBody(mailboxId, e);
        o.putObject("body").put("$blob", e.bodyBlob());
        return o;
    }

    /** A message document whose body bytes are passed beside it ({@code Transaction.Put} blobs). */
    static ObjectNode messageWithoutBody(String mailboxId, MessageEntry e) {
        ObjectNode o = F.objectNode();
        o.put("mailbox", mailboxId);
        o.put("uid", e.uid());
        o.put("modseq", e.modseq());
        ArrayNode flags = o.putArray("flags");
        e.flags().forEach(flags::add);
        o.put("internalDate", e.internalDate().toEpochMilli());
        o.put("size", e.size());
        return o;
    }

    static Optional<IndexedMessage> message(Document d) {
        JsonNode o = d.data();
        if (!o.path("mailbox").isTextual() || !o.path("uid").canConvertToLong()) return Optional.empty();
        List<String> flags = new ArrayList<>();
        for (JsonNode f : o.path("flags")) if (f.isTextual()) flags.add(f.asText());
        MessageEntry e = new MessageEntry(d.id().id(), o.get("uid").asLong(), Flags.of(flags),
                Instant.ofEpochMilli(o.path("internalDate").asLong(0)), o.path("modseq").asLong(0),
                o.path("size").asLong(0), o.path("body").path("$blob").asText(""));
        return Optional.of(new IndexedMessage(o.get("mailbox").asText(), e, d.rev().value()));
    }

    static ObjectNode vanished(String mailboxId, long uid, long modseq) {
        ObjectNode o = F.objectNode();
        o.put("mailbox", mailboxId);
        o.put("uid", uid);
        o.put("modseq", modseq);
        return o;
    }

    static Optional<VanishedRecord> vanished(Document d) {
        JsonNode o = d.data();
        if (!o.path("mailbox").isTextual() || !o.path("uid").canConvertToLong()) return Optional.empty();
        return Optional.of(new VanishedRecord(d.id().id(), o.get("mailbox").asText(), o.get("uid").asLong(),
                o.path("modseq").asLong(0), d.rev().value()));
    }

    /**
     * The id the database gives a blob of these bytes: Git's object id, SHA-1 of
     * {@code "blob <size>\0"} and the bytes. A write batch needs it before the commit, so that an
     * operation planned after a delivery in the same batch (COPY, STORE) refers to the right body;
     * the delivery itself still passes the bytes, so the stored blob never depends on this guess.
     */
    static String blobId(byte[] bytes) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(("blob " + bytes.length + "\0").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha1.digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is a required JDK algorithm", e);
        }
    }

    static ObjectNode account(long uidValidityHigh) {
        return F.objectNode().put("uidValidityHigh", uidValidityHigh);
    }
}
