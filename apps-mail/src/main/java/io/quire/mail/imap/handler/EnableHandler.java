package io.quire.mail.imap.handler;

import io.quire.mail.imap.parse.Enable;
import io.quire.mail.imap.session.Extension;
import io.quire.mail.imap.session.Response;
import io.quire.mail.imap.session.Selected;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * ENABLE (RFC 5161): turns on CONDSTORE, QRESYNC, UTF8=ACCEPT and IMAP4rev2; unknown capabilities are ignored and
 * {@code * ENABLED} lists what was newly enabled.
 */
final class EnableHandler implements CommandHandler<Enable> {
    @Override
    public Validity validity() {
        return Validity.AUTHENTICATED;
    }

    @Override
    public Outcome handle(Enable command, CommandContext ctx) {
        List<String> enabled = new ArrayList<>();
        for (String name : command.capabilities()) {
            Optional<Extension> e = Extension.named(name);
            if (e.isEmpty()) {
                continue;
            }
            // RFC 6855 §3: UTF8=ACCEPT changes how names are read, so it cannot change under a selected mailbox.
            if (e.get() == Extension.UTF8_ACCEPT && ctx.session().state() instanceof Selected) {
                continue;
            }
            if (ctx.session().enable(e.get())) {
                enabled.add(e.get().atom());
            }
        }
        ctx.send(new Response.Enabled(enabled));
        return Outcome.Done.ok(Texts.ENABLE_DONE);
    }
}
