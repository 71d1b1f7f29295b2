package io.quire.mail.app;

import io.quire.mail.delivery.DeliveryResult;
import io.quire.mail.delivery.Envelope;
import io.quire.mail.delivery.Failure;
import io.quire.mail.delivery.MailDelivery;
import io.quire.mail.delivery.MessageContent;
import io.quire.mail.delivery.RecipientCheck;
import io.quire.mail.store.MailStore;
import io.quire.mail.store.MailStoreException;
import io.quire.mail.store.UserMail;
import io.quire.mail.users.Addresses;
import io.quire.sdk.QuireException;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers received mail into users' INBOXes. Store calls block, so they run on a worker pool of
 * the app's own; the future completes only after every append returned, i.e. after its commit is
 * durable, because the receiver answers 250 on it (RFC 5321 §6.1).
 */
public final class StoreDelivery implements MailDelivery {
    private static final Logger log = LoggerFactory.getLogger(StoreDelivery.class);
    static final String INBOX = "INBOX";

    private final MailStore store;
    private final Addresses addresses;
    private final WorkerExecutor workers;

    public StoreDelivery(MailStore store, Addresses addresses, WorkerExecutor workers) {
        this.store = store;
        this.addresses = addresses;
        this.workers = workers;
    }

    @Override
    public Future<RecipientCheck> checkRecipient(String address) {
        return workers.executeBlocking(() -> check(address), false);
    }

    private RecipientCheck check(String address) {
        Optional<String> user = store.resolveAddress(address);
        if (user.isPresent()) return RecipientCheck.accepted();
        boolean ours = addresses.candidates(address).stream().anyMatch(addresses::isLocal);
        // not one of our domains: we deliver locally and relay nothing (RFC 5321 §3.6, X.7.1 "not authorized")
        return ours ? RecipientCheck.unknownUser()
                : RecipientCheck.rejected(Failure.permanentFailure("5.7.1", "Relaying denied: not a local domain"));
    }

    @Override
    public Future<List<DeliveryResult>> deliver(Envelope envelope, MessageContent message) {
        return workers.executeBlocking(() -> {
            List<DeliveryResult> results = new ArrayList<>(envelope.recipients().size());
            for (int i = 0; i < envelope.recipients().size(); i++)
                results.add(deliverOne(envelope, message, i));
            return results;
        }, false);
    }

    private DeliveryResult deliverOne(Envelope envelope, MessageContent message, int i) {
        String rcpt = envelope.recipients().get(i);
        try {
            Optional<UserMail> mail = store.resolveAddress(rcpt).flatMap(store::user);
            if (mail.isEmpty()) return DeliveryResult.failed(Failure.permanentFailure("5.1.1", "No such user here"));
            UserMail.Appended a = mail.get().append(INBOX, message.copyFor(i), Set.of(), envelope.received());
            log.info("event=mail_delivered user={} uid={} size={}", mail.get().user(), a.uid(), message.size(i));
            return DeliveryResult.delivered();
        } catch (MailStoreException e) {
            return DeliveryResult.failed(failure(e));
        } catch (QuireException e) {
            log.warn("event=delivery_failed rcpt={} error={}", rcpt, e.toString());
            return DeliveryResult.failed(e.isTransient() || !(e instanceof QuireException.InvalidRequest)
                    ? Failure.transientFailure("4.3.0", "Mail store unavailable, try again later")
                    : Failure.permanentFailure("5.6.0", "Message refused by the mail store"));
        } catch (RuntimeException e) {
            // A bug must never become a 250 nor a bounce: the client keeps the message and retries.
            log.error("event=delivery_failed rcpt={}", rcpt, e);
            return DeliveryResult.failed(Failure.transientFailure("4.3.0", "Internal error, try again later"));
        }
    }

    /** RFC 3463 codes for the store's typed failures. */
    private static Failure failure(MailStoreException e) {
        return switch (e.kind()) {
            case NO_SUCH_USER -> Failure.permanentFailure("5.1.1", "No such user here");
            case QUOTA -> Failure.transientFailure("4.2.2", "Mailbox full");
            case NO_SUCH_MAILBOX, ALREADY_EXISTS, INVALID_NAME, NOT_ALLOWED, UNAVAILABLE ->
                    Failure.transientFailure("4.3.0", "Mailbox unavailable, try again later");
        };
    }
}
