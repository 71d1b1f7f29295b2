package io.quire.mail.imap.handler;

import io.quire.mail.imap.encode.UidSetEncoder;
import io.quire.mail.imap.parse.SearchReturn;
import io.quire.mail.imap.parse.Sort;
import io.quire.mail.imap.parse.SortCriterion;
import io.quire.mail.imap.session.ViewMessage;
import io.quire.mail.imap.session.Response;
import io.quire.mail.imap.session.Selected;
import io.quire.mail.mime.MessageSummary;
import io.quire.mail.store.MailboxSnapshot;
import io.quire.mail.store.MessageEntry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * SORT and UID SORT (RFC 5256 §3): the matching messages ordered by the criteria, ties broken by message number
 * (RFC 5256 §3). With ESORT's RETURN (RFC 5267 §3.2) the answer is an ESEARCH response whose MIN and MAX are the
 * first and last messages in sort order and whose ALL lists them in sort order; SAVE (RFC 5182) keeps them as
 * {@code $}, as for SEARCH.
 */
final class SortHandler implements CommandHandler<Sort> {
    @Override
    public Validity validity() {
        return Validity.SELECTED;
    }

    @Override
    public Outcome handle(Sort command, CommandContext ctx) {
        Optional<Set<SearchReturn>> returns = command.returnOptions();
        boolean save = returns.isPresent() && returns.get().contains(SearchReturn.SAVE);
        if (save) {
            ctx.session().saveSearch(List.of()); // RFC 5182 §2.1: a failed SAVE leaves $ empty
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
        long[] numbers = rows.stream().mapToLong(r -> command.uid() ? r.entry.uid() : (long) r.msn).toArray();
        if (returns.isEmpty()) {
            ctx.send(new Response.SortResult(Arrays.stream(numbers).boxed().toList()));
            return Outcome.Done.ok(Texts.SORT_DONE);
        }
        Set<SearchReturn> options = returns.get();
        if (save) {
            ctx.session().saveSearch(saved(rows, options));
        }
        if (!options.equals(EnumSet.of(SearchReturn.SAVE))) {
            // in sort order: only ascending runs are merged, so the set reads back in the same order
            ctx.send(ESearchReplies.of(ctx.tag(), command.uid(), numbers, options, UidSetEncoder::inOrder, OptionalLong.empty()));
        }
        return Outcome.Done.ok(Texts.SORT_DONE);
    }

    /** RFC 5182 §2.4: MIN and/or MAX without ALL or COUNT save only those messages. */
    private static List<Long> saved(List<Row> rows, Set<SearchReturn> options) {
        if (rows.isEmpty()) {
            return List.of();
        }
        boolean minMaxOnly = (options.contains(SearchReturn.MIN) || options.contains(SearchReturn.MAX))
                && !options.contains(SearchReturn.ALL) && !options.contains(SearchReturn.COUNT);
        if (!minMaxOnly) {
            return rows.stream().map(r -> r.entry.uid()).sorted().toList();
        }
        List<Long> uids = new ArrayList<>();
        if (options.contains(SearchReturn.MIN)) {
            uids.add(rows.getFirst().entry.uid());
        }
        if (options.contains(SearchReturn.MAX) && rows.size() > 1) {
            uids.add(rows.getLast().entry.uid());
        }
        return uids.stream().sorted().toList();
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
