package io.quire.mail.imap.handler;

import io.quire.mail.imap.parse.Delete;
import io.quire.mail.imap.protocol.MailboxName;
import io.quire.mail.imap.protocol.ResponseCode;
import io.quire.mail.imap.session.Authenticated;
import io.quire.mail.imap.session.Response;
import io.quire.mail.imap.session.Selected;
import io.quire.mail.store.MailboxInfo;
import io.quire.mail.store.UserMail;

/**
 * DELETE (RFC 9051 §6.3.5). INBOX cannot be deleted; a mailbox with children is refused with
 * {@code NO [HASCHILDREN]} (RFC 9051 §7.1) rather than left as a non-selectable name.
 */
final class DeleteHandler implements CommandHandler<Delete> {
    @Override
    public Validity validity() {
        return Validity.AUTHENTICATED;
    }

    @Override
    public Outcome handle(Delete command, CommandContext ctx) {
        MailboxName name = command.mailbox();
        if (name.isInbox()) {
            return Outcome.Done.no(ResponseCode.Plain.CANNOT, Texts.CANNOT_DELETE_INBOX);
        }
        UserMail mail = ctx.mail();
        MailboxInfo info = Mailboxes.existing(mail, name);
        if (new MailboxTree(mail.mailboxes()).hasChildren(info.name())) {
            return Outcome.Done.no(ResponseCode.Plain.HASCHILDREN, Texts.HAS_CHILDREN);
        }
        if (ctx.session().state() instanceof Selected s && s.view().mailboxId().equals(info.id())) {
            // Deleting the selected mailbox ends the selection here rather than with a BYE at the next sync.
            ctx.session().state(new Authenticated(mail));
            ctx.send(Response.Condition.ok(ResponseCode.Plain.CLOSED, Texts.CLOSED));
        }
        mail.delete(info.name());
        return Outcome.Done.ok(Texts.DELETE_DONE);
    }
}
