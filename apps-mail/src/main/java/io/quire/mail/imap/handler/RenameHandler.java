package io.quire.mail.imap.handler;

import io.quire.mail.imap.parse.Rename;
import io.quire.mail.imap.protocol.MailboxName;
import io.quire.mail.imap.protocol.ResponseCode;
import io.quire.mail.imap.session.Selected;
import io.quire.mail.store.MailboxInfo;
import io.quire.mail.store.UserMail;

/**
 * RENAME (RFC 9051 §6.3.6): renames a mailbox and its children. Renaming INBOX moves its messages to the new
 * mailbox and leaves INBOX empty (the store does that, RFC 9051 §6.3.6 "special case").
 */
final class RenameHandler implements CommandHandler<Rename> {
    @Override
    public Validity validity() {
        return Validity.AUTHENTICATED;
    }

    @Override
    public Outcome handle(Rename command, CommandContext ctx) {
        MailboxName to = Mailboxes.creatable(command.to());
        UserMail mail = ctx.mail();
        MailboxInfo from = Mailboxes.existing(mail, command.from());
        if (to.isInbox() || mail.mailbox(to.name()).isPresent()) {
            return Outcome.Done.no(ResponseCode.Plain.ALREADYEXISTS, Texts.ALREADY_EXISTS);
        }
        if (!command.from().isInbox() && Mailboxes.isWithin(to.name(), from.name())) {
            return Outcome.Done.no(ResponseCode.Plain.CANNOT, Texts.RENAME_INTO_ITSELF);
        }
        Mailboxes.createParents(mail, to);
        mail.rename(from.name(), to.name());
        if (ctx.session().state() instanceof Selected s && !command.from().isInbox()
                && Mailboxes.isWithin(s.view().name().name(), from.name())) {
            String renamed = to.name() + s.view().name().name().substring(from.name().length());
            Mailboxes.wireName(renamed).ifPresent(s.view()::renamed);
        }
        return Outcome.Done.ok(Texts.RENAME_DONE);
    }
}
