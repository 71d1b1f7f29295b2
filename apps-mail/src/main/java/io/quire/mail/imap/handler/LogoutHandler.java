package io.quire.mail.imap.handler;

import io.quire.mail.imap.parse.Logout;
import io.quire.mail.imap.session.Response;

/** LOGOUT (RFC 9051 §6.1.3): BYE, then the tagged OK, then the connection closes. */
final class LogoutHandler implements CommandHandler<Logout> {
    @Override
    public Validity validity() {
        return Validity.ANY;
    }

    @Override
    public Outcome handle(Logout command, CommandContext ctx) {
        ctx.send(Response.Condition.bye(Texts.LOGOUT_BYE));
        return new Outcome.Logout(Outcome.Done.ok(Texts.LOGOUT_DONE));
    }
}
