package io.quire.mail.imap.handler;

import io.quire.mail.imap.parse.Starttls;

/**
 * STARTTLS (RFC 9051 §6.2.1): the connection answers OK, drops anything pipelined after the command (it was sent
 * in plaintext, CVE-2011-0411) and starts the handshake.
 */
final class StarttlsHandler implements CommandHandler<Starttls> {
    @Override
    public Validity validity() {
        return Validity.NOT_AUTHENTICATED;
    }

    @Override
    public Outcome handle(Starttls command, CommandContext ctx) {
        if (ctx.session().tls()) {
            return Outcome.Done.bad(Texts.TLS_ACTIVE);
        }
        if (!ctx.services().config().starttls()) {
            return Outcome.Done.bad(Texts.TLS_UNAVAILABLE);
        }
        return new Outcome.StartTls(Outcome.Done.ok(Texts.BEGIN_TLS));
    }
}
