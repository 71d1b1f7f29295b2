package io.quire.mail.imap.handler;

import io.quire.mail.imap.encode.UidSetEncoder;
import io.quire.mail.imap.parse.Store;
import io.quire.mail.imap.protocol.ResponseCode;
import io.quire.mail.imap.session.Extension;
import io.quire.mail.imap.session.FetchAttr;
import io.quire.mail.imap.session.FlagSets;
import io.quire.mail.imap.session.ViewMessage;
import io.quire.mail.imap.session.Response;
import io.quire.mail.imap.session.Selected;
import io.quire.mail.store.MailboxSnapshot;
import io.quire.mail.store.MessageEntry;
import io.quire.mail.store.UserMail;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * STORE and UID STORE (RFC 9051 §6.4.6) with UNCHANGEDSINCE (RFC 7162 §3.1.3): one store call for the whole set;
 * an untagged FETCH per message with its new flags (unless .SILENT), and {@code [MODIFIED set]} for the messages
 * the condition refused.
 */
final class StoreHandler implements CommandHandler<Store> {
    @Override
    public Validity validity() {
        return Validity.SELECTED;
    }

    @Override
    public Outcome handle(Store command, CommandContext ctx) {
        Selected selected = ctx.selected();
        if (selected.view().readOnly()) {
            return Outcome.Done.no(ResponseCode.Plain.READ_ONLY, Texts.READ_ONLY);
        }
        MailboxSnapshot snapshot = SelectedSync.snapshot(selected);
        if (command.unchangedSince().isPresent()) {
            Condstore.use(ctx, snapshot);
        }
        List<ViewMessage> messages = MessageSets.resolve(ctx, command.set(), command.uid());
        List<Long> live = MessageSets.liveUids(snapshot, messages);
        if (live.isEmpty()) {
            return Outcome.Done.ok(Texts.STORE_DONE);
        }
        UserMail.FlagChange change = new UserMail.FlagChange(switch (command.mode()) {
            case ADD -> UserMail.FlagChange.Mode.ADD;
            case REMOVE -> UserMail.FlagChange.Mode.REMOVE;
            case REPLACE -> UserMail.FlagChange.Mode.REPLACE;
        }, FlagSets.toStore(command.flags()));
        UserMail.StoreOutcome outcome = selected.mail().store(selected.view().name().name(), live, change,
                command.unchangedSince());
        Map<Long, MessageEntry> changed = new HashMap<>();
        outcome.changed().forEach(e -> changed.put(e.uid(), e));
        selected.view().announce(outcome.changed()).forEach(ctx::send);
        Set<Long> refused = new HashSet<>(outcome.modified());
        Set<Long> liveSet = new HashSet<>(live);
        boolean condstore = ctx.session().enabled(Extension.CONDSTORE);
        List<Long> modified = new ArrayList<>();
        for (ViewMessage m : messages) {
            if (refused.contains(m.uid())) {
                modified.add(command.uid() ? m.uid() : m.msn());
                continue;
            }
            if (!liveSet.contains(m.uid())) {
                continue;
            }
            MessageEntry entry = changed.getOrDefault(m.uid(), MessageSets.current(snapshot, m));
            report(ctx, command, m.msn(), entry, condstore, changed.containsKey(m.uid()));
            selected.view().remember(entry);
        }
        if (!modified.isEmpty()) {
            long[] numbers = modified.stream().mapToLong(Long::longValue).toArray();
            return Outcome.Done.ok(new ResponseCode.Modified(UidSetEncoder.compact(numbers)),
                    Texts.CONDITIONAL_STORE_FAILED);
        }
        return Outcome.Done.ok(Texts.STORE_DONE);
    }

    /**
     * The untagged FETCH for one message. With .SILENT nothing, except that a CONDSTORE client still gets the new
     * MODSEQ of a changed message (RFC 7162 §3.1.3, example 3).
     */
    private static void report(CommandContext ctx, Store command, int msn, MessageEntry e, boolean condstore,
                               boolean changed) {
        List<FetchAttr> attrs = new ArrayList<>();
        if (command.uid() || condstore) {
            attrs.add(new FetchAttr.Uid(e.uid()));
        }
        if (!command.silent()) {
            attrs.add(new FetchAttr.Flags(FlagSets.toWire(e.flags())));
        } else if (!condstore || !changed) {
            return;
        }
        if (condstore) {
            attrs.add(new FetchAttr.ModSeq(e.modseq()));
        }
        ctx.send(new Response.FetchResult(msn, attrs));
    }
}
