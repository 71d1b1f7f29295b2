package io.quire.mail.imap.handler;

import io.quire.mail.imap.parse.Sort;
import io.quire.mail.imap.parse.SortCriterion;
import io.quire.mail.imap.session.ViewMessage;
import io.quire.mail.imap.session.Response;
import io.quire.mail.imap.session.Selected;
import io.quire.mail.mime.MessageSummary;
import io.quire.mail.store.MailboxSnapshot;
import io.quire.mail.store.MessageEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * SORT and UID SORT (RFC 5256 §3): the matching messages ordered by the criteria, ties broken by message number
 * (RFC 5256 §3). ESORT's RETURN is not advertised and answered with BAD.
 */
final class SortHandler implements CommandHandler<Sort> {
    @Override
    public Validity validity() {
        return Validity.SELECTED;
    }

    @Override
    public Outcome handle(Sort command, CommandContext ctx) {
        if (command.returnOptions().isPresent()) {
            return Outcome.Done.bad(Texts.ESORT_UNSUPPORTED);
        }
        Selected selected = ctx.selected();
        MailboxSnapshot snapshot = SelectedSync.snapshot(selected);
        SearchEvaluator evaluator = new SearchEvaluator(selected.view(), ctx.session().savedSearch(),
                ctx.services().clock().instant(),
                e -> ctx.services().bodies().get(e.bodyBlob(), () -> selected.mail().body(e)));
        List<Row> rows = new ArrayList<>();
        for (ViewMessage m : selected.view().all()) {
            MessageEntry e = MessageSets.current(snapshot, m);
            if (evaluator.matches(command.key(), m.msn(), e)) {
                rows.add(new Row(m.msn(), e, keys(command.criteria(), e, ctx, selected)));
            }
        }
        Comparator<Row> order = (a, b) -> 0;
        for (int i = 0; i < command.criteria().size(); i++) {
            int k = i;
            Comparator<Row> c = (a, b) -> SortKeys.compare(a.keys.get(k), b.keys.get(k));
            order = order.thenComparing(command.criteria().get(i).reverse() ? c.reversed() : c);
        }
        rows.sort(order.thenComparingInt(Row::msn));
        ctx.send(new Response.SortResult(rows.stream().map(r -> command.uid() ? r.entry.uid() : (long) r.msn).toList()));
        return Outcome.Done.ok(Texts.SORT_DONE);
    }

    private static List<Comparable<?>> keys(List<SortCriterion> criteria, MessageEntry e, CommandContext ctx,
                                           Selected selected) {
        MessageSummary[] summary = new MessageSummary[1];
        List<Comparable<?>> keys = new ArrayList<>(criteria.size());
        for (SortCriterion c : criteria) {
            keys.add(SortKeys.key(c.key(), e, () -> {
                if (summary[0] == null) {
                    summary[0] = ctx.services().bodies().get(e.bodyBlob(), () -> selected.mail().body(e)).summary();
                }
                return summary[0];
            }));
        }
        return keys;
    }

    private record Row(int msn, MessageEntry entry, List<Comparable<?>> keys) {
    }
}
