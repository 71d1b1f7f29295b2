package io.quire.mail.imap.handler;

import io.quire.mail.imap.parse.Lsub;
import io.quire.mail.imap.protocol.MailboxName;
import io.quire.mail.imap.protocol.MailboxPattern;
import io.quire.mail.imap.session.Response;
import io.quire.mail.store.MailboxInfo;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * LSUB (RFC 3501 §6.3.9): subscribed mailboxes matching the pattern. A parent matched by a trailing {@code %} that
 * is not subscribed itself but has subscribed children is listed as {@code \Noselect}, as RFC 3501 asks.
 */
final class LsubHandler implements CommandHandler<Lsub> {
    @Override
    public Validity validity() {
        return Validity.AUTHENTICATED;
    }

    @Override
    public Outcome handle(Lsub command, CommandContext ctx) {
        if (command.pattern().isEmpty()) {
            ctx.send(new Response.ListRoot());
            return Outcome.Done.ok(Texts.LSUB_DONE);
        }
        MailboxPattern pattern = command.pattern().relativeTo(command.reference());
        MailboxTree tree = new MailboxTree(ctx.mail().mailboxes());
        TreeSet<String> names = new TreeSet<>(tree.impliedParents());
        tree.mailboxes().forEach(m -> names.add(m.name()));
        for (String name : names) {
            Optional<MailboxName> wire = Mailboxes.wireName(name);
            if (wire.isEmpty() || !pattern.matches(name)) {
                continue;
            }
            Optional<MailboxInfo> info = tree.get(name);
            if (info.isPresent() && info.get().subscribed()) {
                ctx.send(new Response.ListEntry(true, info.get().specialUse().stream().toList(), wire.get(),
                        List.of()));
            } else if (pattern.pattern().endsWith("%") && tree.hasSubscribedChild(name)) {
                ctx.send(new Response.ListEntry(true, List.of("\\Noselect"), wire.get(), List.of()));
            }
        }
        return Outcome.Done.ok(Texts.LSUB_DONE);
    }
}
