package io.quire.mail.imap.handler;

import io.quire.mail.imap.protocol.ResponseCode;
import io.quire.mail.imap.session.Extension;
import io.quire.mail.imap.session.Response;
import io.quire.mail.store.MailboxSnapshot;

/** CONDSTORE enabling by use (RFC 7162 §3.1): FETCH MODSEQ/CHANGEDSINCE, SEARCH MODSEQ, STORE UNCHANGEDSINCE. */
final class Condstore {
    private Condstore() {
    }

    /**
     * Enables CONDSTORE; the first time, with a mailbox selected, RFC 7162 §3.1 asks for an untagged
     * {@code OK [HIGHESTMODSEQ n]} since the SELECT did not promise mod-sequences yet.
     */
    static void use(CommandContext ctx, MailboxSnapshot snapshot) {
        if (ctx.session().enable(Extension.CONDSTORE) && !ctx.session().enabled(Extension.QRESYNC)) {
            ctx.send(Response.Condition.ok(new ResponseCode.HighestModSeq(snapshot.mailbox().highestModseq()),
                    Texts.HIGHEST_MODSEQ));
        }
    }
}
