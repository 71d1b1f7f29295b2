package io.quire.mail.imap.handler;

import io.quire.mail.imap.parse.Login;

/** LOGIN (RFC 9051 §6.2.3). */
final class LoginHandler implements CommandHandler<Login> {
    @Override
    public Validity validity() {
        return Validity.NOT_AUTHENTICATED;
    }

    @Override
    public Outcome handle(Login command, CommandContext ctx) {
        return Authentication.login(ctx, command.username(), command.password());
    }
}
