package io.quire.mail.imap.handler;

import io.quire.mail.imap.encode.UidSetEncoder;
import io.quire.mail.imap.parse.Append;
import io.quire.mail.imap.protocol.ResponseCode;
import io.quire.mail.imap.session.FlagSets;
import io.quire.mail.store.MailboxInfo;
import io.quire.mail.store.UserMail;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * APPEND (RFC 9051 §6.3.12) with MULTIAPPEND (RFC 3502: all messages in one commit, or none) and UIDPLUS's
 * {@code [APPENDUID]} (RFC 4315 §3). If the target is the selected mailbox, the dispatcher's sync afterwards
 * sends the EXISTS.
 */
final class AppendHandler implements CommandHandler<Append> {
    @Override
    public Validity validity() {
        return Validity.AUTHENTICATED;
    }

    @Override
    public Outcome handle(Append command, CommandContext ctx) {
        UserMail mail = ctx.mail();
        MailboxInfo target = Mailboxes.target(mail, command.mailbox());
        Instant now = ctx.services().clock().instant();
        List<UserMail.NewMessage> messages = new ArrayList<>();
        for (Append.Message m : command.messages()) {
            check(m, ctx.services().config().appendLimit());
            messages.add(new UserMail.NewMessage(m.content(), FlagSets.toStore(m.flags()),
                    m.internalDate().map(d -> d.toInstant()).orElse(now)));
        }
        List<UserMail.Appended> appended = messages.size() == 1
                ? List.of(mail.append(target.name(), messages.getFirst().raw(), messages.getFirst().flags(),
                        messages.getFirst().internalDate()))
                : mail.appendAll(target.name(), messages);
        long[] uids = appended.stream().mapToLong(UserMail.Appended::uid).toArray();
        return Outcome.Done.ok(new ResponseCode.AppendUid(appended.getFirst().uidValidity(),
                UidSetEncoder.inOrder(uids)), Texts.APPEND_DONE);
    }

    private static void check(Append.Message m, long limit) {
        if (m.content().length == 0) {
            throw Refusal.no(ResponseCode.Plain.CANNOT, Texts.EMPTY_MESSAGE);
        }
        if (m.content().length > limit) {
            throw Refusal.no(ResponseCode.Plain.TOOBIG, Texts.TOO_LARGE);
        }
        if (!m.binary()) {
            for (byte b : m.content()) {
                if (b == 0) {
                    // RFC 3516 §4.4: NUL is only allowed in a literal8.
                    throw Refusal.no(ResponseCode.Plain.CANNOT, Texts.NUL_IN_MESSAGE);
                }
            }
        }
    }
}
