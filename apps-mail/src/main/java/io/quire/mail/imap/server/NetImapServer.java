package io.quire.mail.imap.server;

import io.quire.mail.imap.encode.ResponseWriter;
import io.quire.mail.imap.handler.BodyCache;
import io.quire.mail.imap.handler.Dispatcher;
import io.quire.mail.imap.handler.HandlerConfig;
import io.quire.mail.imap.handler.LoginThrottle;
import io.quire.mail.imap.handler.Services;
import io.quire.mail.imap.handler.Texts;
import io.quire.mail.imap.handler.UserConnections;
import io.quire.mail.imap.protocol.ResponseCode;
import io.quire.mail.imap.protocol.ResponseStatus;
import io.quire.mail.imap.session.ImapSession;
import io.quire.mail.store.MailStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.ServerSSLOptions;
import io.vertx.core.net.SocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Vert.x {@link NetServer}s (plaintext/STARTTLS and, if configured, implicit TLS) running one session per connection. */
final class NetImapServer implements ImapServer {
    private final Vertx vertx;
    private final ImapOptions options;
    private final Dispatcher dispatcher;
    private final Set<ImapConnection> open = ConcurrentHashMap.newKeySet();
    private final WorkerExecutor workers;
    private NetServer plain;
    private NetServer implicitTls;
    private volatile boolean closing;

    private NetImapServer(Vertx vertx, ImapOptions options, MailStore store) {
        this.vertx = vertx;
        this.options = options;
        this.workers = vertx.createSharedWorkerExecutor("quire-imap", options.limits().workerThreads());
        ImapOptions.Throttling t = options.throttling();
        HandlerConfig config = new HandlerConfig(options.serverName(), options.tls().map(ImapOptions.Tls::starttls).orElse(false),
                options.plaintextLogin() || options.tls().isEmpty(), options.limits().receiver().literalMode(),
                options.limits().receiver().maxAppendLiteralBytes());
        Clock clock = Clock.systemUTC();
        this.dispatcher = new Dispatcher(new Services(store, config,
                new LoginThrottle(t.baseDelay(), t.maxDelay(), t.window(), t.maxFailures(), clock),
                new UserConnections(options.limits().maxConnectionsPerUser()),
                new BodyCache(options.bodyCacheOctets()), clock));
    }

    static Future<ImapServer> listen(Vertx vertx, ImapOptions options, MailStore store) {
        NetImapServer server = new NetImapServer(vertx, options, store);
        NetServer plain = vertx.createNetServer(new NetServerOptions().setHost(options.host()).setPort(options.port())
                .setTcpNoDelay(true));
        plain.connectHandler(socket -> server.accept(socket, false));
        Future<ImapServer> bound = plain.listen().compose(p -> {
            server.plain = p;
            Optional<ImapOptions.Tls> tls = options.tls().filter(x -> x.implicitPort().isPresent());
            if (tls.isEmpty()) {
                return Future.succeededFuture(server);
            }
            NetServer secure = vertx.createNetServer(tlsOptions(options.host(), tls.get()));
            secure.connectHandler(socket -> server.accept(socket, true));
            return secure.listen().<ImapServer>map(s -> {
                server.implicitTls = s;
                return server;
            }).recover(e -> p.close().transform(v -> Future.failedFuture(e)));
        });
        return bound.recover(e -> server.workers.close().transform(v -> Future.failedFuture(e)));
    }

    /** RFC 8314 §3.3: TLS from the first octet. */
    private static NetServerOptions tlsOptions(String host, ImapOptions.Tls tls) {
        ServerSSLOptions ssl = tls.ssl();
        NetServerOptions o = new NetServerOptions().setHost(host).setPort(tls.implicitPort().getAsInt())
                .setTcpNoDelay(true);
        o.setSsl(true).setKeyCertOptions(ssl.getKeyCertOptions());
        if (ssl.getEnabledSecureTransportProtocols() != null) {
            o.setEnabledSecureTransportProtocols(ssl.getEnabledSecureTransportProtocols());
        }
        ssl.getEnabledCipherSuites().forEach(o::addEnabledCipherSuite);
        return o;
    }

    private void accept(NetSocket socket, boolean tls) {
        if (closing || open.size() >= options.limits().maxConnections()) {
            String text = closing ? Texts.SHUTTING_DOWN : Texts.TOO_MANY_CONNECTIONS;
            socket.write(ResponseWriter.untagged(ResponseStatus.BYE, Optional.of(ResponseCode.Plain.UNAVAILABLE),
                    text, false)).onComplete(ar -> socket.close());
            return;
        }
        ImapSession session = new ImapSession(address(socket.remoteAddress()), tls);
        ImapConnection connection = new ImapConnection(vertx, socket, options, dispatcher, session, workers,
                open::remove);
        open.add(connection);
        connection.start();
    }

    /** The IP address without an IPv6 zone, for per-address throttling. */
    private static String address(SocketAddress remote) {
        String host = remote == null || remote.hostAddress() == null ? "unknown" : remote.hostAddress();
        int zone = host.indexOf('%');
        return zone < 0 ? host : host.substring(0, zone);
    }

    @Override
    public int port() {
        return plain.actualPort();
    }

    @Override
    public OptionalInt tlsPort() {
        return implicitTls == null ? OptionalInt.empty() : OptionalInt.of(implicitTls.actualPort());
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
        for (ImapConnection c : open) {
            goodbyes.add(c.shutdown());
        }
        return Future.join(goodbyes).transform(ar -> {
            Future<Void> a = plain.close();
            Future<Void> listeners = implicitTls == null ? a : Future.join(a, implicitTls.close()).mapEmpty();
            return listeners.eventually(workers::close);
        });
    }
}
