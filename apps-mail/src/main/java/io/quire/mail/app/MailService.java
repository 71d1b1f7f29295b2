package io.quire.mail.app;

import io.quire.mail.store.MailStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.ServerSSLOptions;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A protocol service the mail app starts beside LMTP and SMTP, found with
 * {@link java.util.ServiceLoader} as {@link MailService.Factory}: this is where the IMAP server plugs
 * in. Its factory is listed in {@code META-INF/services/io.quire.mail.app.MailService$Factory};
 * {@link MailApp} starts every factory found after the store is open and stops the services before
 * it closes the store.
 */
public interface MailService {
    /** Stops listening and ends open sessions. */
    Future<Void> close();

    /** Starts one kind of service. */
    interface Factory {
        /** Short name for logs and errors, e.g. {@code imap}. */
        String name();

        Future<MailService> start(Context context);
    }

    /**
     * What a service gets.
     *
     * @param config        the whole mail section: the IMAP server listens on {@code config.imap()}
     * @param tls           server TLS options built from {@code config.tls()}, for STARTTLS
     * @param serverName    the host name to greet with
     * @param localStateDir the app's local, rebuildable state directory
     */
    record Context(Vertx vertx, MailConfig config, MailStore store, Optional<ServerSSLOptions> tls, String serverName,
                   String nodeName, Path localStateDir) {
    }
}
