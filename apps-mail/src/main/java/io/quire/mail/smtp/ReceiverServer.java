package io.quire.mail.smtp;

import io.quire.mail.delivery.MailDelivery;
import io.quire.mail.smtp.core.Protocol;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/** A bound SMTP or LMTP listener. */
public interface ReceiverServer {

    /**
     * Binds a listener speaking {@code protocol} that hands mail to {@code delivery}.
     *
     * @return the bound server, or a failed future if the address cannot be bound
     */
    static Future<ReceiverServer> listen(Vertx vertx, ReceiverOptions options, Protocol protocol,
            MailDelivery delivery) {
        return NetReceiverServer.listen(vertx, options, protocol, delivery);
    }

    /** The port actually bound (useful with port 0). */
    int port();

    /** How many connections are open now. */
    int connections();

    /** Stops accepting, tells open sessions {@code 421 4.3.2} and closes them. */
    Future<Void> close();
}
