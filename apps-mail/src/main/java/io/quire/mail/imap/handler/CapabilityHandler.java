package io.quire.mail.imap.handler;

import io.quire.mail.imap.parse.Capability;
import io.quire.mail.imap.session.Response;

/** CAPABILITY (RFC 9051 §6.1.1): the list for the session's current state. */
final class CapabilityHandler implements CommandHandler<Capability> {
    @Override
    public Validity validity() {
        return Validity.ANY;
    }

    @Override
    public Outcome handle(Capability command, CommandContext ctx) {
        ctx.send(new Response.Capabilities(Capabilities.of(ctx.session(), ctx.services().config())));
        return Outcome.Done.ok(Texts.CAPABILITY_DONE);
    }
}
