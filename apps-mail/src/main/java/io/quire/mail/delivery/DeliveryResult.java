package io.quire.mail.delivery;

import java.util.Objects;

/**
 * The outcome of storing one message for one recipient.
 *
 * <p>{@link Delivered} means the message is durably stored: the receiver answers {@code 250} on it and on nothing
 * else, because a 250 moves responsibility for the message from the client to us (RFC 5321 §6.1). Anything the
 * store cannot vouch for must be a {@link Failed}; as JGit's {@code RefUpdate.Result} puts it, unknown values are
 * failures.
 */
public sealed interface DeliveryResult {

    /** Durably stored for this recipient. */
    record Delivered() implements DeliveryResult {
    }

    /** Not stored for this recipient; transient failures are retried by the client, permanent ones bounced. */
    record Failed(Failure failure) implements DeliveryResult {
        /** Requires a failure. */
        public Failed {
            Objects.requireNonNull(failure, "failure");
        }
    }

    /** Durably stored. */
    static DeliveryResult delivered() {
        return new Delivered();
    }

    /** Not stored, for the given reason. */
    static DeliveryResult failed(Failure failure) {
        return new Failed(failure);
    }
}
