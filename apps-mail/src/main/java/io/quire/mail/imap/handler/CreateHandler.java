package io.quire.mail.imap.handler;

import io.quire.mail.imap.parse.Create;
import io.quire.mail.imap.protocol.MailboxName;
import io.quire.mail.imap.protocol.ResponseCode;
import io.quire.mail.store.UserMail;
import java.util.Optional;
import java.util.Set;

/** CREATE (RFC 9051 §6.3.4) with CREATE-SPECIAL-USE (RFC 6154 §3). */
final class CreateHandler implements CommandHandler<Create> {
    /** The special-use attributes of RFC 6154 §2. */
    static final Set<String> SPECIAL_USES =
            Set.of("\\All", "\\Archive", "\\Drafts", "\\Flagged", "\\Junk", "\\Sent", "\\Trash");

    @Override
    public Validity validity() {
        return Validity.AUTHENTICATED;
    }

    @Override
    public Outcome handle(Create command, CommandContext ctx) {
        MailboxName name = Mailboxes.creatable(command.mailbox());
        if (name.isInbox()) {
            return Outcome.Done.no(ResponseCode.Plain.ALREADYEXISTS, Texts.CANNOT_CREATE_INBOX);
        }
        Optional<String> use = specialUse(command);
        UserMail mail = ctx.mail();
        if (mail.mailbox(name.name()).isPresent()) {
            return Outcome.Done.no(ResponseCode.Plain.ALREADYEXISTS, Texts.ALREADY_EXISTS);
        }
        Mailboxes.createParents(mail, name);
        mail.create(name.name(), use);
        return Outcome.Done.ok(Texts.CREATE_DONE);
    }

    /** One known attribute at most; RFC 6154 §3 answers anything else with {@code NO [USEATTR]}. */
    private static Optional<String> specialUse(Create command) {
        if (command.specialUse().isEmpty()) {
            return Optional.empty();
        }
        if (command.specialUse().size() > 1) {
            throw Refusal.no(ResponseCode.Plain.USEATTR, Texts.USE_ATTRIBUTE);
        }
        String attr = command.specialUse().getFirst();
        return SPECIAL_USES.stream().filter(a -> a.equalsIgnoreCase(attr)).findFirst()
                .map(Optional::of)
                .orElseThrow(() -> Refusal.no(ResponseCode.Plain.USEATTR, Texts.USE_ATTRIBUTE));
    }
}
