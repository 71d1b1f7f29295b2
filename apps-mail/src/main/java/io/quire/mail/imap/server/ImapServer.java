package io.quire.mail.imap.server;

import io.quire.mail.store.MailStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.OptionalInt;

/** A bound IMAP4rev1/IMAP4rev2 listener serving the users of a {@link MailStore}. */
public interface ImapServer {

    /**
     * Binds the IMAP port (and the implicit-TLS port, if configured) and serves {@code store}'s users.
     *
     * @return the bound server, or a failed future if an address cannot be bound
     */
    static Future<ImapServer> listen(Vertx vertx, ImapOptions options, MailStore store) {
        return NetImapServer.listen(vertx, options, store);
    }

    /** The plaintext/STARTTLS port actually bound (useful with port 0). */
    int port();

    /** The implicit-TLS port actually bound, if one is configured. */
    OptionalInt tlsPort();

    /** How many connections are open now. */
    int connections();

    /** Stops accepting, says {@code * BYE} to open sessions and closes them. */
    Future<Void> close();
}
