package io.quire.mail.imap.handler;

import io.quire.mail.imap.protocol.SequenceSet;
import io.quire.mail.imap.session.MailboxView;
import io.quire.mail.imap.session.ViewMessage;
import io.quire.mail.store.MailboxSnapshot;
import io.quire.mail.store.MessageEntry;
import java.util.List;

/** Resolves a command's sequence set against the session's view, including SEARCHRES's {@code $} (RFC 5182). */
final class MessageSets {
    private MessageSets() {
    }

    /**
     * The messages {@code set} names. A message number above the mailbox size is an error (BAD); UIDs that do not
     * exist are ignored (RFC 9051 §6.4.9).
     */
    static List<ViewMessage> resolve(CommandContext ctx, SequenceSet set, boolean uid) {
        MailboxView view = ctx.selected().view();
        return switch (set) {
            case SequenceSet.Saved saved -> view.resolveUids(ctx.session().savedSearch());
            case SequenceSet.Ranges ranges -> {
                if (!uid && !view.inRange(ranges)) {
                    throw Refusal.bad(Texts.INVALID_MESSAGE_NUMBER);
                }
                yield view.resolve(ranges, uid);
            }
        };
    }

    /** The message's entry in the current snapshot, or the view's copy if it is already gone from the store. */
    static MessageEntry current(MailboxSnapshot snapshot, ViewMessage m) {
        return snapshot.byUid(m.uid()).orElse(m.entry());
    }

    /** The UIDs of {@code messages} that still exist in the snapshot. */
    static List<Long> liveUids(MailboxSnapshot snapshot, List<ViewMessage> messages) {
        return messages.stream().filter(m -> snapshot.indexOfUid(m.uid()) >= 0)
                .map(ViewMessage::uid).toList();
    }
}
