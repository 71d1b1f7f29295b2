package io.quire.mail.imap.handler;

import io.quire.mail.imap.parse.Id;
import io.quire.mail.imap.session.Response;
import java.util.List;

/** ID (RFC 2971): the server's name; the client's fields are not kept. */
final class IdHandler implements CommandHandler<Id> {
    @Override
    public Validity validity() {
        return Validity.ANY;
    }

    @Override
    public Outcome handle(Id command, CommandContext ctx) {
        ctx.send(new Response.ServerId(List.of("name", "Quire", "vendor", "Quire")));
        return Outcome.Done.ok(Texts.ID_DONE);
    }
}
