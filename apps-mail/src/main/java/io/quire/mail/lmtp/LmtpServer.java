package io.quire.mail.lmtp;

import io.quire.mail.delivery.MailDelivery;
import io.quire.mail.smtp.ReceiverOptions;
import io.quire.mail.smtp.ReceiverServer;
import io.quire.mail.smtp.core.Protocol;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * An LMTP (RFC 2033) listener: an MTA such as Postfix hands it mail for final delivery and gets one reply per
 * recipient, so a failure for one mailbox never makes the MTA resend to the others.
 */
public interface LmtpServer extends ReceiverServer {

    /** Binds an LMTP listener that hands mail to {@code delivery}. */
    static Future<LmtpServer> listen(Vertx vertx, ReceiverOptions options, MailDelivery delivery) {
        return ReceiverServer.listen(vertx, options, Protocol.LMTP, delivery).map(Bound::new);
    }

    /** The LMTP face of a bound listener. */
    record Bound(ReceiverServer server) implements LmtpServer {
        @Override
        public int port() {
            return server.port();
        }

        @Override
        public int connections() {
            return server.connections();
        }

        @Override
        public Future<Void> close() {
            return server.close();
        }
    }
}
