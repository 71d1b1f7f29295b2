package io.quire.mail.delivery;

import io.vertx.core.Future;
import java.util.List;

/**
 * Where the SMTP and LMTP receivers hand over mail: implemented by the mail store.
 *
 * <p>Both methods are called on the connection's event loop and must not block it: do the work elsewhere and
 * complete the future when done. A failed future is treated as a transient failure ({@code 451 4.3.0}), never as
 * success.
 *
 * <p>Contract for {@link #deliver}: complete with exactly one result per envelope recipient, in envelope order,
 * and only once each {@link DeliveryResult.Delivered} message is durable (fsync'd and committed), because the
 * receiver answers {@code 250} on it and the client then deletes its copy. A list of the wrong length is treated
 * as a transient failure for everybody.
 */
public interface MailDelivery {

    /**
     * Tells whether mail for this address would be accepted; called once per {@code RCPT TO}.
     *
     * @param address the forward-path without angle brackets, e.g. {@code alice@example.org}; the special
     *     {@code postmaster} (no domain) must be accepted per RFC 5321 §4.5.1
     */
    Future<RecipientCheck> checkRecipient(String address);

    /**
     * Stores one message for every recipient of the envelope.
     *
     * @param envelope sender, recipients (only those {@link #checkRecipient} accepted) and connection facts
     * @param message per-recipient header prefixes plus the shared trace header and body
     * @return one result per {@code envelope.recipients()} entry, in that order
     */
    Future<List<DeliveryResult>> deliver(Envelope envelope, MessageContent message);
}
