package io.quire.mail.smtp.core;

import io.quire.mail.delivery.DeliveryResult;
import io.quire.mail.delivery.Envelope;
import io.quire.mail.delivery.Failure;
import io.quire.mail.delivery.MessageContent;
import io.quire.mail.delivery.RecipientCheck;
import java.util.ArrayList;
import java.util.List;

/**
 * A synchronous stand-in for the store, driven by the local part of each address.
 *
 * <ul>
 *   <li>{@code unknown*} — refused at RCPT with {@code 550 5.1.1}</li>
 *   <li>{@code lookupfail*} — the recipient check itself fails (future failed)</li>
 *   <li>{@code full*} — accepted, then delivery fails transiently with {@code 4.2.2} (mailbox full)</li>
 *   <li>{@code gone*} — accepted, then delivery fails permanently with {@code 5.2.1}</li>
 *   <li>anything else — accepted and delivered</li>
 * </ul>
 */
final class FakeStore {

    /** One call to deliver. */
    record Delivery(Envelope envelope, MessageContent content) {
    }

    final List<Delivery> deliveries = new ArrayList<>();
    boolean failNextDelivery;

    /** The check result, or {@code null} when the check should fail. */
    RecipientCheck check(String address) {
        String local = address.toLowerCase();
        if (local.startsWith("unknown")) {
            return RecipientCheck.unknownUser();
        }
        return local.startsWith("lookupfail") ? null : RecipientCheck.accepted();
    }

    /** The results, or {@code null} when the whole delivery should fail. */
    List<DeliveryResult> deliver(Envelope envelope, MessageContent content) {
        deliveries.add(new Delivery(envelope, content));
        if (failNextDelivery) {
            failNextDelivery = false;
            return null;
        }
        var results = new ArrayList<DeliveryResult>();
        for (String r : envelope.recipients()) {
            if (r.startsWith("full")) {
                results.add(DeliveryResult.failed(Failure.transientFailure("4.2.2", "Mailbox full")));
            } else if (r.startsWith("gone")) {
                results.add(DeliveryResult.failed(Failure.permanentFailure("5.2.1", "Mailbox disabled")));
            } else {
                results.add(DeliveryResult.delivered());
            }
        }
        return results;
    }
}
