package io.quire.mail.app;

import io.quire.mail.delivery.MailDelivery;
import io.quire.mail.lmtp.LmtpServer;
import io.quire.mail.smtp.ReceiverOptions;
import io.quire.mail.smtp.SmtpServer;
import io.quire.mail.store.MailOptions;
import io.quire.mail.users.Addresses;
import io.quire.mail.users.DirectoryMailStore;
import io.quire.mail.users.PasswordHasher;
import io.quire.mail.users.UserDirectory;
import io.quire.mail.users.UserMailFactory;
import io.quire.sdk.spi.App;
import io.quire.sdk.spi.AppContext;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.ServerSSLOptions;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mail application: users directory, LMTP and SMTP receivers delivering into the store, the
 * mail API routes, and every {@link MailService} on the class path (IMAP). Registered in
 * {@code META-INF/services/io.quire.sdk.spi.App}; the node starts it when its configuration has a
 * {@code mail:} section.
 */
public final class MailApp implements App {
    private static final Logger log = LoggerFactory.getLogger(MailApp.class);
    /**
     * Store calls of deliveries, IMAP and API requests. Each blocks until its group commit is durable,
     * and the mail writer batches whatever is queued (Writer): the worker count caps the batch, and
     * with 8 a batch never held more than 8 deliveries, so 10 LMTP connections waited on each other.
     */
    private static final int STORE_WORKERS = 64;

    private final Function<AppContext, UserMailFactory> mailFactories;
    private final Deque<Supplier<Future<Void>>> stops = new ArrayDeque<>();
    private volatile DirectoryMailStore store;

    /** The app as the node loads it, over the mail store's schema. */
    public MailApp() {
        // Each user's derived mail index is saved under the app's local state, so a restart need not list every message.
        this(context -> new SchemaUserMailFactory(MailOptions.defaults().withIndexDir(
                context.localStateDir().resolve("mail-index"))));
    }

    /** An app whose users' mail comes from {@code mailFactories} (given the node's context at start). */
    public MailApp(Function<AppContext, UserMailFactory> mailFactories) {
        this.mailFactories = mailFactories;
    }

    @Override
    public String name() {
        return "mail";
    }

    /** The running app's store (empty before start and after stop): for embedding and tests. */
    public Optional<DirectoryMailStore> store() {
        return Optional.ofNullable(store);
    }

    @Override
    public Future<Void> start(AppContext context) {
        MailConfig config;
        try {
            config = MailConfig.from(context.config());
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(e);
        }
        WorkerExecutor workers = context.vertx().createSharedWorkerExecutor("quire-mail-store", STORE_WORKERS);
        stops.push(workers::close);
        UserMailFactory mailFactory = mailFactories.apply(context);
        Addresses addresses = new Addresses(config.domains());
        UserDirectory directory = new UserDirectory(context.databases(), addresses, new PasswordHasher(), mailFactory,
                Clock.systemUTC());
        DirectoryMailStore mail = new DirectoryMailStore(directory, context.databases(), mailFactory);
        store = mail;
        stops.push(() -> workers.executeBlocking(() -> {
            mail.close();
            return null;
        }));
        Optional<ServerSSLOptions> tls = config.tls().map(t -> new ServerSSLOptions().setKeyCertOptions(
                new PemKeyCertOptions().setCertPath(t.certificate().toString()).setKeyPath(t.key().toString())));
        String serverName = ServerName.local(config.domains());
        MailDelivery delivery = new StoreDelivery(mail, addresses, workers);
        MailService.Context services = new MailService.Context(context.vertx(), config, mail, tls, serverName,
                context.nodeName(), context.localStateDir());
        return LmtpServer.listen(context.vertx(), options(config.lmtp(), serverName, tls), delivery)
                .compose(lmtp -> {
                    stops.push(lmtp::close);
                    log.info("event=lmtp_listening address={}:{}", config.lmtp().host(), lmtp.port());
                    return SmtpServer.listen(context.vertx(), options(config.smtp(), serverName, tls), delivery);
                })
                .compose(smtp -> {
                    stops.push(smtp::close);
                    log.info("event=smtp_listening address={}:{}", config.smtp().host(), smtp.port());
                    return startServices(services);
                })
                .<Void>map(v -> {
                    JsonRoutes json = new JsonRoutes(workers);
                    new UsersRoutes(directory, json).mount(context.apiRouter());
                    new MailboxRoutes(mail, json).mount(context.apiRouter());
                    return null;
                })
                .recover(e -> stop().transform(x -> Future.failedFuture(e)));
    }

    private Future<Void> startServices(MailService.Context context) {
        Future<Void> chain = Future.succeededFuture();
        for (MailService.Factory f : ServiceLoader.load(MailService.Factory.class)) {
            chain = chain.compose(v -> f.start(context).map(s -> {
                stops.push(s::close);
                log.info("event=mail_service_started service={}", f.name());
                return null;
            }));
        }
        return chain;
    }

    private static ReceiverOptions options(MailConfig.Address at, String serverName, Optional<ServerSSLOptions> tls) {
        ReceiverOptions o = ReceiverOptions.defaults(at.host(), at.port(), serverName);
        return tls.map(o::withTls).orElse(o);
    }

    /** Stops what started, newest first; each step runs even when an earlier one failed. */
    @Override
    public Future<Void> stop() {
        Future<Void> chain = Future.succeededFuture();
        while (!stops.isEmpty()) {
            Supplier<Future<Void>> step = stops.pop();
            chain = chain.eventually(() -> step.get().onFailure(e -> log.warn("event=mail_stop_step_failed error={}", e.toString())));
        }
        store = null;
        return chain.recover(e -> Future.succeededFuture());
    }
}
