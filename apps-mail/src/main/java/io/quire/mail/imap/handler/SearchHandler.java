package io.quire.mail.imap.handler;

import io.quire.mail.imap.encode.UidSetEncoder;
import io.quire.mail.imap.parse.Search;
import io.quire.mail.imap.parse.SearchReturn;
import io.quire.mail.imap.session.Extension;
import io.quire.mail.imap.session.ViewMessage;
import io.quire.mail.imap.session.Response;
import io.quire.mail.imap.session.Selected;
import io.quire.mail.store.MailboxSnapshot;
import io.quire.mail.store.MessageEntry;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * SEARCH and UID SEARCH (RFC 9051 §6.4.4) with ESEARCH return options (RFC 4731), SAVE (RFC 5182) and MODSEQ
 * (RFC 7162 §3.1.5). Evaluated over the messages the client knows, with their current flags.
 */
final class SearchHandler implements CommandHandler<Search> {
    @Override
    public Validity validity() {
        return Validity.SELECTED;
    }

    @Override
    public Outcome handle(Search command, CommandContext ctx) {
        Optional<Set<SearchReturn>> returns = command.returnOptions();
        boolean save = returns.isPresent() && returns.get().contains(SearchReturn.SAVE);
        if (save) {
            // RFC 5182 §2.1: a failed SEARCH ... SAVE leaves $ empty, so clear it before anything can fail.
            ctx.session().saveSearch(List.of());
        }
        List<Found> found = search(command, ctx);
        boolean modseq = SearchEvaluator.usesModSeq(command.key());
        OptionalLong highest = modseq && !found.isEmpty()
                ? OptionalLong.of(found.stream().mapToLong(f -> f.entry.modseq()).max().orElseThrow())
                : OptionalLong.empty();
        if (returns.isEmpty() && !ctx.session().enabled(Extension.IMAP4REV2)) {
            ctx.send(new Response.SearchResult(found.stream().map(f -> number(f, command.uid())).toList(), highest));
            return Outcome.Done.ok(Texts.SEARCH_DONE);
        }
        Set<SearchReturn> options = returns.orElse(EnumSet.of(SearchReturn.ALL));
        if (save) {
            ctx.session().saveSearch(saved(found, options));
        }
        if (!options.equals(EnumSet.of(SearchReturn.SAVE))) {
            ctx.send(esearch(ctx, command.uid(), found, options, highest));
        }
        return Outcome.Done.ok(Texts.SEARCH_DONE);
    }

    private static List<Found> search(Search command, CommandContext ctx) {
        Selected selected = ctx.selected();
        MailboxSnapshot snapshot = SelectedSync.snapshot(selected);
        if (SearchEvaluator.usesModSeq(command.key())) {
            Condstore.use(ctx, snapshot);
        }
        SearchEvaluator evaluator = new SearchEvaluator(selected.view(), ctx.session().savedSearch(),
                ctx.services().clock().instant(),
                e -> ctx.services().bodies().get(e.bodyBlob(), () -> selected.mail().body(e)));
        List<Found> found = new ArrayList<>();
        for (ViewMessage m : selected.view().all()) {
            MessageEntry current = MessageSets.current(snapshot, m);
            if (evaluator.matches(command.key(), m.msn(), current)) {
                found.add(new Found(m.msn(), current));
            }
        }
        return found;
    }

    /** RFC 5182 §2.4: with MIN and/or MAX but neither ALL nor COUNT, SAVE keeps only those messages. */
    private static List<Long> saved(List<Found> found, Set<SearchReturn> options) {
        if (found.isEmpty()) {
            return List.of();
        }
        boolean minMaxOnly = (options.contains(SearchReturn.MIN) || options.contains(SearchReturn.MAX))
                && !options.contains(SearchReturn.ALL) && !options.contains(SearchReturn.COUNT);
        if (!minMaxOnly) {
            return found.stream().map(f -> f.entry.uid()).toList();
        }
        List<Long> uids = new ArrayList<>();
        if (options.contains(SearchReturn.MIN)) {
            uids.add(found.getFirst().entry.uid());
        }
        if (options.contains(SearchReturn.MAX) && found.size() > 1) {
            uids.add(found.getLast().entry.uid());
        }
        return uids;
    }

    private static Response esearch(CommandContext ctx, boolean uid, List<Found> found, Set<SearchReturn> options,
                                     OptionalLong highest) {
        long[] numbers = found.stream().mapToLong(f -> number(f, uid)).toArray();
        return ESearchReplies.of(ctx.tag(), uid, numbers, options, UidSetEncoder::compact, highest);
    }

    private static long number(Found f, boolean uid) {
        return uid ? f.entry.uid() : f.msn;
    }

    private record Found(int msn, MessageEntry entry) {
    }
}
