package io.quire.mail.smtp;

import io.quire.mail.delivery.MailDelivery;
import io.quire.mail.smtp.core.ConnectionInfo;
import io.quire.mail.smtp.core.Protocol;
import io.quire.mail.smtp.core.Replies;
import io.quire.mail.smtp.core.SmtpConfig;
import io.quire.mail.smtp.core.SmtpSession;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.SocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** A Vert.x {@link NetServer} running one {@link SmtpSession} per connection. */
final class NetReceiverServer implements ReceiverServer {

    private final Vertx vertx;
    private final ReceiverOptions options;
    private final SmtpConfig config;
    private final MailDelivery delivery;
    private final Set<ReceiverConnection> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong sequence = new AtomicLong();
    private final String idPrefix =
            Long.toString(System.currentTimeMillis() / 1000, 36).toUpperCase(Locale.ROOT);
    private NetServer server;
    private volatile boolean closing;

    private NetReceiverServer(Vertx vertx, ReceiverOptions options, Protocol protocol, MailDelivery delivery) {
        this.vertx = vertx;
        this.options = options;
        this.delivery = delivery;
        this.config = new SmtpConfig(protocol, options.serverName(), options.maxMessageSize(),
                options.maxRecipients(), options.tls().isPresent(), SmtpConfig.DEFAULT_MAX_ERRORS,
                Clock.systemUTC());
    }

    static Future<ReceiverServer> listen(Vertx vertx, ReceiverOptions options, Protocol protocol,
            MailDelivery delivery) {
        var receiver = new NetReceiverServer(vertx, options, protocol, delivery);
        // No SSL on the listener itself: TLS starts per connection with STARTTLS (RFC 3207), not implicitly.
        NetServer net = vertx.createNetServer(new NetServerOptions().setHost(options.host()).setPort(options.port())
                .setTcpNoDelay(true));
        net.connectHandler(receiver::accept);
        return net.listen().map(bound -> {
            receiver.server = bound;
            return receiver;
        });
    }

    private void accept(NetSocket socket) {
        if (closing || open.size() >= options.maxConnections()) {
            var reply = closing ? Replies.shuttingDown(options.serverName())
                    : Replies.tooManyConnections(options.serverName());
            socket.write(Buffer.buffer(reply.encode())).onComplete(ar -> socket.close());
            return;
        }
        String id = idPrefix + Long.toString(sequence.incrementAndGet(), 36).toUpperCase(Locale.ROOT);
        var session = new SmtpSession(config, new ConnectionInfo(address(socket.remoteAddress()), id));
        var connection = new ReceiverConnection(vertx, socket, session, delivery, options, open::remove);
        open.add(connection);
        connection.start();
    }

    /** The IP address without an IPv6 zone ("fe80::1%eth0"), which has no place in an address literal. */
    private static String address(SocketAddress remote) {
        String host = remote == null || remote.hostAddress() == null ? "0.0.0.0" : remote.hostAddress();
        int zone = host.indexOf('%');
        return zone < 0 ? host : host.substring(0, zone);
    }

    @Override
    public int port() {
        return server.actualPort();
    }

    @Override
    public int connections() {
        return open.size();
    }

    /** Says goodbye to open sessions first: closing the NetServer would drop them without a word. */
    @Override
    public Future<Void> close() {
        closing = true;
        var goodbyes = new ArrayList<Future<Void>>();
        for (ReceiverConnection c : open) {
            goodbyes.add(c.shutdown());
        }
        return Future.join(goodbyes).transform(ar -> server.close());
    }
}
