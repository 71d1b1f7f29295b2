package io.quire.mail.imap.handler;

import io.quire.mail.imap.protocol.ResponseCode;
import io.quire.mail.imap.session.Authenticated;
import io.quire.mail.imap.session.ImapSession;
import io.quire.mail.store.UserMail;
import java.time.Duration;
import java.util.Optional;

/**
 * The login shared by LOGIN and AUTHENTICATE PLAIN: privacy check, per-address throttling, the store's password
 * check, the per-user connection limit, then the move to the authenticated state with a store watch.
 */
final class Authentication {
    private Authentication() {
    }

    static Outcome login(CommandContext ctx, String user, String password) {
        ImapSession session = ctx.session();
        Services services = ctx.services();
        if (!Capabilities.loginAllowed(session, services.config())) {
            return Outcome.Done.no(ResponseCode.Plain.PRIVACYREQUIRED, Texts.PRIVACY_REQUIRED);
        }
        String address = session.remoteAddress();
        if (services.throttle().blocked(address)) {
            return Outcome.Done.no(ResponseCode.Plain.UNAVAILABLE, Texts.AUTH_THROTTLED);
        }
        Optional<UserMail> mail = services.store().authenticate(user, password).flatMap(services.store()::user);
        if (mail.isEmpty()) {
            Duration delay = services.throttle().failed(address);
            return Outcome.Done.no(ResponseCode.Plain.AUTHENTICATIONFAILED, Texts.AUTH_FAILED).after(delay);
        }
        services.throttle().succeeded(address);
        Optional<AutoCloseable> slot = services.connections().acquire(mail.get().user());
        if (slot.isEmpty()) {
            return Outcome.Done.no(ResponseCode.Plain.LIMIT, Texts.TOO_MANY_USER_CONNECTIONS);
        }
        session.holdUntilClosed(slot.get());
        session.holdUntilClosed(mail.get().watch(changed -> session.markDirty()));
        session.state(new Authenticated(mail.get()));
        return Outcome.Done.ok(new ResponseCode.Capability(Capabilities.of(session, services.config())),
                Texts.LOGGED_IN);
    }
}
