package io.quire.mail.smtp;

import io.quire.mail.delivery.MailDelivery;
import io.quire.mail.smtp.core.Protocol;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/** An SMTP (RFC 5321) listener for mail to local users; it relays nothing. */
public interface SmtpServer extends ReceiverServer {

    /** Binds an SMTP listener that hands mail to {@code delivery}. */
    static Future<SmtpServer> listen(Vertx vertx, ReceiverOptions options, MailDelivery delivery) {
        return ReceiverServer.listen(vertx, options, Protocol.SMTP, delivery).map(Bound::new);
    }

    /** The SMTP face of a bound listener. */
    record Bound(ReceiverServer server) implements SmtpServer {
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
