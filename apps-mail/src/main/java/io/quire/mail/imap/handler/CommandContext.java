package io.quire.mail.imap.handler;

import io.quire.mail.imap.protocol.Tag;
import io.quire.mail.imap.session.Authenticated;
import io.quire.mail.imap.session.ImapSession;
import io.quire.mail.imap.session.Response;
import io.quire.mail.imap.session.Responder;
import io.quire.mail.imap.session.Selected;
import io.quire.mail.imap.session.SessionState;
import io.quire.mail.store.UserMail;

/**
 * What a handler works with: the command's tag, the session, the shared services and where untagged responses go.
 *
 * @param tag      the command's tag (ESEARCH quotes it)
 * @param session  the session
 * @param services shared services
 * @param out      where untagged responses go
 */
public record CommandContext(Tag tag, ImapSession session, Services services, Responder out) {

    /** Sends an untagged response. */
    public void send(Response response) {
        out.send(response);
    }

    /** The logged-in user's mail; the dispatcher has checked the state already. */
    public UserMail mail() {
        return switch (session.state()) {
            case Authenticated a -> a.mail();
            case Selected s -> s.mail();
            default -> throw new IllegalStateException("not authenticated");
        };
    }

    /** The selected state; the dispatcher has checked it. */
    public Selected selected() {
        SessionState state = session.state();
        if (state instanceof Selected s) {
            return s;
        }
        throw new IllegalStateException("no mailbox selected");
    }
}
