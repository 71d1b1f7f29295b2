package io.quire.mail.delivery;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link MailDelivery} kept in memory, standing in for the mail store in receiver tests.
 *
 * <p>Answers complete on a pool thread, not on the event loop, as a real store's would after its commit; that
 * exercises the receivers' hop back to the connection's context. Local parts starting with {@code full} are
 * accepted at RCPT and then fail with {@code 4.2.2 Mailbox full}.
 */
public final class InMemoryDelivery implements MailDelivery {

    /** One stored copy: the envelope, whose copy it is and the exact bytes (prefix plus shared part). */
    public record Stored(Envelope envelope, String recipient, byte[] bytes) {
    }

    private final Set<String> users;
    private final List<Stored> stored = new CopyOnWriteArrayList<>();

    /** A store that knows these addresses (compared case-insensitively). */
    public InMemoryDelivery(Set<String> users) {
        this.users = Set.copyOf(users.stream().map(u -> u.toLowerCase(Locale.ROOT)).toList());
    }

    /** Everything stored so far, in delivery order. */
    public List<Stored> stored() {
        return List.copyOf(stored);
    }

    /** The copies stored for one recipient. */
    public List<Stored> storedFor(String recipient) {
        return stored.stream().filter(s -> s.recipient().equalsIgnoreCase(recipient)).toList();
    }

    @Override
    public Future<RecipientCheck> checkRecipient(String address) {
        boolean known = users.contains(address.toLowerCase(Locale.ROOT));
        return Future.fromCompletionStage(CompletableFuture.supplyAsync(
                () -> known ? RecipientCheck.accepted() : RecipientCheck.unknownUser()));
    }

    @Override
    public Future<List<DeliveryResult>> deliver(Envelope envelope, MessageContent message) {
        return Future.fromCompletionStage(CompletableFuture.supplyAsync(() -> {
            var results = new ArrayList<DeliveryResult>();
            for (int i = 0; i < envelope.recipients().size(); i++) {
                String recipient = envelope.recipients().get(i);
                if (recipient.toLowerCase(Locale.ROOT).startsWith("full")) {
                    results.add(DeliveryResult.failed(Failure.transientFailure("4.2.2", "Mailbox full")));
                } else {
                    stored.add(new Stored(envelope, recipient, message.copyFor(i)));
                    results.add(DeliveryResult.delivered());
                }
            }
            return results;
        }));
    }
}
