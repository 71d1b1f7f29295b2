package io.quire.mail.imap.handler;

import io.quire.mail.imap.parse.QResync;
import io.quire.mail.imap.protocol.Flag;
import io.quire.mail.imap.protocol.MailboxName;
import io.quire.mail.imap.protocol.ResponseCode;
import io.quire.mail.imap.protocol.SequenceSet;
import io.quire.mail.imap.session.Authenticated;
import io.quire.mail.imap.session.Extension;
import io.quire.mail.imap.session.FetchAttr;
import io.quire.mail.imap.session.FlagSets;
import io.quire.mail.imap.session.ImapSession;
import io.quire.mail.imap.session.MailboxView;
import io.quire.mail.imap.session.ViewMessage;
import io.quire.mail.imap.session.Response;
import io.quire.mail.imap.session.Selected;
import io.quire.mail.store.MailStoreException;
import io.quire.mail.store.MailboxInfo;
import io.quire.mail.store.MailboxSnapshot;
import io.quire.mail.store.MessageEntry;
import io.quire.mail.store.UserMail;
import java.util.List;
import java.util.Optional;

/** SELECT and EXAMINE (RFC 9051 §6.3.2–3, CONDSTORE/QRESYNC RFC 7162 §3.1.8 and §3.2.5). */
final class MailboxOpener {
    private MailboxOpener() {
    }

    static Outcome open(CommandContext ctx, MailboxName name, boolean readOnly, boolean condstore,
                        Optional<QResync> qresync) {
        ImapSession session = ctx.session();
        if (qresync.isPresent() && !session.enabled(Extension.QRESYNC)) {
            return Outcome.Done.bad(Texts.QRESYNC_NOT_ENABLED);
        }
        UserMail mail = ctx.mail();
        if (session.state() instanceof Selected) {
            // RFC 9051 §6.3.2: a failed SELECT leaves no mailbox selected; CLOSED marks where the old one ended.
            session.state(new Authenticated(mail));
            ctx.send(Response.Condition.ok(ResponseCode.Plain.CLOSED, Texts.CLOSED));
        }
        if (condstore) {
            session.enable(Extension.CONDSTORE);
        }
        MailboxSnapshot snapshot;
        try {
            snapshot = mail.snapshot(name.name());
        } catch (MailStoreException e) {
            if (e.kind() == MailStoreException.Kind.NO_SUCH_MAILBOX) {
                throw Refusal.no(ResponseCode.Plain.NONEXISTENT, Texts.NO_SUCH_MAILBOX);
            }
            throw e;
        }
        MailboxView view = MailboxView.open(snapshot, name, readOnly);
        MailboxInfo info = snapshot.mailbox();
        boolean rev2 = session.enabled(Extension.IMAP4REV2);
        ctx.send(new Response.Flags(view.flagList()));
        ctx.send(new Response.Exists(view.size()));
        if (rev2) {
            // RFC 9051 §6.3.2 requires a LIST response for the selected mailbox.
            MailboxTree tree = new MailboxTree(mail.mailboxes());
            ctx.send(new Response.ListEntry(false, tree.attributes(info, false), name, List.of()));
        } else {
            ctx.send(new Response.Recent(0));
            firstUnseen(snapshot).ifPresent(n -> ctx.send(Response.Condition.ok(new ResponseCode.Unseen(n),
                    Texts.FIRST_UNSEEN)));
        }
        ctx.send(readOnly
                ? Response.Condition.ok(new ResponseCode.PermanentFlags(List.of(), false), Texts.NO_PERMANENT_FLAGS)
                : Response.Condition.ok(new ResponseCode.PermanentFlags(view.flagList(), true), Texts.FLAGS_PERMITTED));
        ctx.send(Response.Condition.ok(new ResponseCode.UidValidity(info.uidValidity()), Texts.UIDS_VALID));
        ctx.send(Response.Condition.ok(new ResponseCode.UidNext(info.uidNext()), Texts.UID_NEXT));
        // RFC 7162 §3.1.1: a server with persistent mod-sequences sends HIGHESTMODSEQ on every SELECT.
        ctx.send(Response.Condition.ok(new ResponseCode.HighestModSeq(info.highestModseq()), Texts.HIGHEST_MODSEQ));
        if (qresync.isPresent() && qresync.get().uidValidity() == info.uidValidity()) {
            resynchronise(ctx, mail, view, snapshot, qresync.get());
        }
        session.state(new Selected(mail, view));
        ResponseCode mode = readOnly ? ResponseCode.Plain.READ_ONLY : ResponseCode.Plain.READ_WRITE;
        return Outcome.Done.ok(mode, readOnly ? Texts.EXAMINE_DONE : Texts.SELECT_DONE);
    }

    private static Optional<Long> firstUnseen(MailboxSnapshot snapshot) {
        List<MessageEntry> messages = snapshot.messages();
        for (int i = 0; i < messages.size(); i++) {
            if (!FlagSets.has(messages.get(i).flags(), Flag.SEEN)) {
                return Optional.of((long) i + 1);
            }
        }
        return Optional.empty();
    }

    /**
     * RFC 7162 §3.2.5.1: {@code VANISHED (EARLIER)} for UIDs expunged since the client's mod-sequence (limited to
     * the UIDs it says it knows), then a FETCH for every message changed since.
     */
    private static void resynchronise(CommandContext ctx, UserMail mail, MailboxView view, MailboxSnapshot snapshot,
                                      QResync q) {
        Optional<SequenceSet.Ranges> known = q.knownUids()
                .filter(SequenceSet.Ranges.class::isInstance).map(SequenceSet.Ranges.class::cast);
        VanishedUids.since(mail, snapshot, q.modSeq(), known)
                .ifPresent(uids -> ctx.send(new Response.Vanished(true, uids)));
        for (ViewMessage m : view.all()) {
            if (m.entry().modseq() > q.modSeq()) {
                ctx.send(new Response.FetchResult(m.msn(), List.of(new FetchAttr.Uid(m.uid()),
                        new FetchAttr.Flags(FlagSets.toWire(m.entry().flags())),
                        new FetchAttr.ModSeq(m.entry().modseq()))));
            }
        }
    }
}
