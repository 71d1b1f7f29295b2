package io.quire.mail.imap.handler;

import io.quire.mail.imap.parse.Namespace;
import io.quire.mail.imap.protocol.MailboxName;
import io.quire.mail.imap.session.Response;

/**
 * NAMESPACE (RFC 2342, RFC 9051 §6.3.10): one personal namespace with an empty prefix; there are no shared or
 * other users' namespaces, so another user's mailboxes cannot even be named.
 */
final class NamespaceHandler implements CommandHandler<Namespace> {
    @Override
    public Validity validity() {
        return Validity.AUTHENTICATED;
    }

    @Override
    public Outcome handle(Namespace command, CommandContext ctx) {
        ctx.send(new Response.Namespace("", MailboxName.DELIMITER));
        return Outcome.Done.ok(Texts.NAMESPACE_DONE);
    }
}
