package io.quire.mail.imap.handler;

import io.quire.mail.imap.parse.Move;
import io.quire.mail.imap.protocol.ResponseCode;
import io.quire.mail.imap.session.Response;

/**
 * MOVE and UID MOVE (RFC 6851): copy and expunge in one commit. The COPYUID goes in an untagged OK before the
 * expunges (RFC 6851 §4.3); the EXPUNGE or VANISHED responses come from the dispatcher's sync.
 */
final class MoveHandler implements CommandHandler<Move> {
    @Override
    public Validity validity() {
        return Validity.SELECTED;
    }

    @Override
    public Outcome handle(Move command, CommandContext ctx) {
        if (ctx.selected().view().readOnly()) {
            return Outcome.Done.no(ResponseCode.Plain.READ_ONLY, Texts.READ_ONLY);
        }
        Transfer.run(ctx, command.set(), command.uid(), command.target(), true)
                .ifPresent(code -> ctx.send(Response.Condition.ok(code, Texts.MOVE_DONE)));
        return Outcome.Done.ok(Texts.MOVE_DONE);
    }
}
