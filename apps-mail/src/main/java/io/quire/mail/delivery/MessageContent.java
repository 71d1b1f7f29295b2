package io.quire.mail.delivery;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.List;
import java.util.Objects;

/**
 * A received message as the store gets it: one small header prefix per recipient plus one shared part.
 *
 * <p>Recipient {@code i}'s copy is {@code prefix(i) + shared()}. The prefix holds the fields an MTA adds at final
 * delivery ({@code Return-Path:} then {@code Delivered-To:}, in the order Postfix's {@code local} and Dovecot's LDA
 * write them); the shared part holds the {@code Received:} trace field (RFC 5321 §4.4) followed by the message
 * exactly as the client sent it, dot-unstuffed, with CRLF line ends. Keeping the shared part apart lets the store
 * keep one body blob for all recipients (single-instance storage) and still present each mailbox its own header.
 *
 * <p>The arrays are not copied, for a message may be tens of megabytes; callers must not modify them.
 *
 * @param prefixes one prefix per envelope recipient, in the envelope's order
 * @param shared the part common to every recipient
 */
public record MessageContent(List<byte[]> prefixes, byte[] shared) {

    /** Checks that both parts are present. */
    public MessageContent {
        prefixes = List.copyOf(prefixes);
        Objects.requireNonNull(shared, "shared");
    }

    /** How many recipients this content is for. */
    public int recipientCount() {
        return prefixes.size();
    }

    /** The header prefix for recipient {@code i}. */
    public byte[] prefix(int i) {
        return prefixes.get(i);
    }

    /** The size in octets of recipient {@code i}'s full copy (prefix plus shared part). */
    public long size(int i) {
        return (long) prefixes.get(i).length + shared.length;
    }

    /** Recipient {@code i}'s full copy as one new array; prefer {@link #stream(int)} for large messages. */
    public byte[] copyFor(int i) {
        byte[] prefix = prefixes.get(i);
        byte[] all = new byte[prefix.length + shared.length];
        System.arraycopy(prefix, 0, all, 0, prefix.length);
        System.arraycopy(shared, 0, all, prefix.length, shared.length);
        return all;
    }

    /** Recipient {@code i}'s full copy as a stream, without copying the shared part. */
    public InputStream stream(int i) {
        return new SequenceInputStream(new ByteArrayInputStream(prefixes.get(i)), new ByteArrayInputStream(shared));
    }
}
