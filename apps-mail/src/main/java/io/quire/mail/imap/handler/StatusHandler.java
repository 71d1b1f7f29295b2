package io.quire.mail.imap.handler;

import io.quire.mail.imap.parse.Status;
import io.quire.mail.imap.parse.StatusItem;
import io.quire.mail.imap.session.Extension;
import io.quire.mail.imap.session.Response;
import io.quire.mail.store.MailboxInfo;

/** STATUS (RFC 9051 §6.3.11); asking for HIGHESTMODSEQ enables CONDSTORE (RFC 7162 §3.1). */
final class StatusHandler implements CommandHandler<Status> {
    @Override
    public Validity validity() {
        return Validity.AUTHENTICATED;
    }

    @Override
    public Outcome handle(Status command, CommandContext ctx) {
        MailboxInfo info = Mailboxes.existing(ctx.mail(), command.mailbox());
        if (command.items().contains(StatusItem.HIGHESTMODSEQ)) {
            ctx.session().enable(Extension.CONDSTORE);
        }
        ctx.send(new Response.StatusEntry(command.mailbox(), StatusValues.of(ctx.mail(), info, command.items(),
                ctx.services().config().appendLimit())));
        return Outcome.Done.ok(Texts.STATUS_DONE);
    }
}
