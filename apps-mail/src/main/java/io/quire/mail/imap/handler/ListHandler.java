package io.quire.mail.imap.handler;

import io.quire.mail.imap.parse.ListMailboxes;
import io.quire.mail.imap.parse.ListReturn;
import io.quire.mail.imap.parse.ListSelection;
import io.quire.mail.imap.protocol.MailboxName;
import io.quire.mail.imap.protocol.MailboxPattern;
import io.quire.mail.imap.session.Response;
import io.quire.mail.store.MailboxInfo;
import io.quire.mail.store.UserMail;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * LIST (RFC 9051 §6.3.9) with LIST-EXTENDED selection and return options (RFC 5258), SPECIAL-USE (RFC 6154) and
 * LIST-STATUS (RFC 5819). Only the user's own mailboxes are ever candidates.
 */
final class ListHandler implements CommandHandler<ListMailboxes> {
    @Override
    public Validity validity() {
        return Validity.AUTHENTICATED;
    }

    @Override
    public Outcome handle(ListMailboxes command, CommandContext ctx) {
        if (command.patterns().size() == 1 && command.patterns().getFirst().isEmpty()) {
            // RFC 9051 §6.3.9: the empty pattern asks for the delimiter and the root.
            ctx.send(new Response.ListRoot());
            return Outcome.Done.ok(Texts.LIST_DONE);
        }
        UserMail mail = ctx.mail();
        MailboxTree tree = new MailboxTree(mail.mailboxes());
        List<MailboxPattern> patterns = command.patterns().stream()
                .map(p -> p.relativeTo(command.reference())).toList();
        boolean subscribedOnly = command.selection().contains(ListSelection.SUBSCRIBED);
        boolean specialOnly = command.selection().contains(ListSelection.SPECIAL_USE);
        boolean recursive = command.selection().contains(ListSelection.RECURSIVEMATCH);
        boolean showSubscribed = subscribedOnly || command.returns().contains(ListReturn.SUBSCRIBED);
        boolean status = command.returns().contains(ListReturn.STATUS) && !command.statusItems().isEmpty();

        TreeSet<String> candidates = new TreeSet<>(tree.impliedParents());
        tree.mailboxes().forEach(m -> candidates.add(m.name()));
        for (String name : candidates) {
            if (!matches(patterns, name)) {
                continue;
            }
            Optional<MailboxName> wire = Mailboxes.wireName(name);
            if (wire.isEmpty()) {
                continue;
            }
            Optional<MailboxInfo> info = tree.get(name);
            boolean selected = info.isPresent() && (!subscribedOnly || info.get().subscribed())
                    && (!specialOnly || info.get().specialUse().isPresent());
            if (selected) {
                ctx.send(new Response.ListEntry(false, tree.attributes(info.get(), showSubscribed), wire.get(),
                        List.of()));
                if (status) {
                    ctx.send(new Response.StatusEntry(wire.get(), StatusValues.of(mail, info.get(),
                            command.statusItems(), ctx.services().config().appendLimit())));
                }
            } else if (recursive && subscribedOnly && tree.hasSubscribedChild(name)) {
                // RFC 5258 §3.5: a parent listed only because a child matches the selection.
                List<String> attrs = info.isPresent() ? tree.attributes(info.get(), true)
                        : List.of("\\NonExistent", "\\HasChildren");
                ctx.send(new Response.ListEntry(false, attrs, wire.get(), List.of("SUBSCRIBED")));
            } else if (info.isEmpty() && !subscribedOnly && !specialOnly && levelWildcard(patterns, name)) {
                // RFC 3501 §6.3.8: levels matched by a trailing '%' that are not mailboxes are \Noselect.
                List<String> attrs = new ArrayList<>(List.of(command.extended() ? "\\NonExistent" : "\\Noselect",
                        "\\HasChildren"));
                ctx.send(new Response.ListEntry(false, attrs, wire.get(), List.of()));
            }
        }
        return Outcome.Done.ok(Texts.LIST_DONE);
    }

    private static boolean matches(List<MailboxPattern> patterns, String name) {
        return patterns.stream().anyMatch(p -> p.matches(name));
    }

    private static boolean levelWildcard(List<MailboxPattern> patterns, String name) {
        return patterns.stream().anyMatch(p -> p.pattern().indexOf('*') < 0 && p.pattern().endsWith("%")
                && p.matches(name));
    }
}
