package io.quire.mail.imap.server;

import io.quire.mail.app.MailService;
import io.vertx.core.Future;
import java.util.OptionalInt;

/**
 * Plugs the IMAP server into {@code MailApp} through its {@link MailService.Factory} hook: listens on the mail
 * section's {@code imap} address over the app's {@code MailStore}, with STARTTLS when the app has a certificate.
 * Registered in {@code META-INF/services/io.quire.mail.app.MailService$Factory}.
 */
public final class ImapServiceFactory implements MailService.Factory {
    @Override
    public String name() {
        return "imap";
    }

    @Override
    public Future<MailService> start(MailService.Context context) {
        ImapOptions options = ImapOptions.defaults(context.config().imap().host(), context.config().imap().port())
                .withServerName(context.serverName());
        if (context.tls().isPresent()) {
            // The mail section has no implicit-TLS address yet: STARTTLS on the IMAP port only.
            options = options.withTls(context.tls().get(), OptionalInt.empty());
        }
        return ImapServer.listen(context.vertx(), options, context.store()).map(server -> server::close);
    }
}
