package io.quire.mail.imap.handler;

import io.quire.mail.imap.parse.ThreadMessages;
import io.quire.mail.imap.session.Response;
import io.quire.mail.imap.session.Selected;
import io.quire.mail.imap.session.ThreadNode;
import io.quire.mail.imap.session.ViewMessage;
import io.quire.mail.mime.MessageSummary;
import io.quire.mail.store.MailboxSnapshot;
import io.quire.mail.store.MessageEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * THREAD and UID THREAD (RFC 5256 §3) with ORDEREDSUBJECT and REFERENCES over the messages that match the search
 * criteria. REFS (a later draft) is not advertised and answered with BAD.
 */
final class ThreadHandler implements CommandHandler<ThreadMessages> {
    @Override
    public Validity validity() {
        return Validity.SELECTED;
    }

    @Override
    public Outcome handle(ThreadMessages command, CommandContext ctx) {
        if (command.algorithm() == ThreadMessages.Algorithm.REFS) {
            return Outcome.Done.bad(Texts.THREAD_UNSUPPORTED);
        }
        Selected selected = ctx.selected();
        MailboxSnapshot snapshot = SelectedSync.snapshot(selected);
        SearchEvaluator evaluator = new SearchEvaluator(selected.view(), ctx.session().savedSearch(),
                ctx.services().clock().instant(),
                e -> ctx.services().bodies().get(e.bodyBlob(), () -> selected.mail().body(e)));
        List<Threader.Message> messages = new ArrayList<>();
        for (ViewMessage m : selected.view().all()) {
            MessageEntry e = MessageSets.current(snapshot, m);
            if (evaluator.matches(command.key(), m.msn(), e)) {
                MessageSummary s = ctx.services().bodies().get(e.bodyBlob(), () -> selected.mail().body(e)).summary();
                messages.add(message(command.uid() ? e.uid() : m.msn(), m.msn(), e.internalDate(), s));
            }
        }
        List<ThreadNode> threads = switch (command.algorithm()) {
            case ORDEREDSUBJECT -> Threader.orderedSubject(messages);
            case REFERENCES -> Threader.references(messages);
            case REFS -> throw new IllegalStateException("answered above");
        };
        ctx.send(new Response.ThreadResult(threads));
        return Outcome.Done.ok(Texts.THREAD_DONE);
    }

    /** RFC 5256 §2.2 sent date and §3 REFERENCES step 1: References, or else In-Reply-To's first id. */
    static Threader.Message message(long number, int msn, Instant internalDate, MessageSummary s) {
        List<String> refs = s.references();
        if (refs.isEmpty()) {
            refs = s.inReplyTo().map(MessageSummary::messageIds).orElse(List.of()).stream().limit(1).toList();
        }
        Optional<String> id = s.messageId().map(MessageSummary::messageIds).flatMap(l -> l.stream().findFirst());
        return new Threader.Message(number, msn, BaseSubject.of(s.decodedSubject().orElse("")),
                s.date().map(d -> d.toInstant()).orElse(internalDate), id, refs);
    }
}
