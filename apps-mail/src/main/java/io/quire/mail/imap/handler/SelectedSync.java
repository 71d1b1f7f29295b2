package io.quire.mail.imap.handler;

import io.quire.mail.imap.protocol.MailboxName;
import io.quire.mail.imap.session.Extension;
import io.quire.mail.imap.session.ImapSession;
import io.quire.mail.imap.session.MailboxView;
import io.quire.mail.imap.session.SyncPolicy;
import io.quire.mail.imap.session.Response;
import io.quire.mail.imap.session.Selected;
import io.quire.mail.store.MailStoreException;
import io.quire.mail.store.MailboxInfo;
import io.quire.mail.store.MailboxSnapshot;

/**
 * Keeps a selected session's view in step with the store: reads the current snapshot of the selected mailbox
 * (following renames by mailbox id) and sends the untagged responses that {@link MailboxView#sync} computes.
 */
final class SelectedSync {
    private SelectedSync() {
    }

    /**
     * The selected mailbox's current snapshot, from the store's in-memory index.
     *
     * @throws SelectedMailboxGone if it was deleted or recreated
     */
    static MailboxSnapshot snapshot(Selected selected) {
        MailboxView view = selected.view();
        MailboxSnapshot snapshot;
        try {
            snapshot = selected.mail().snapshot(view.name().name());
        } catch (MailStoreException e) {
            if (e.kind() != MailStoreException.Kind.NO_SUCH_MAILBOX) {
                throw e;
            }
            snapshot = followRename(selected);
        }
        if (!snapshot.mailbox().id().equals(view.mailboxId())) {
            snapshot = followRename(selected);
        }
        if (snapshot.mailbox().uidValidity() != view.uidValidity()) {
            throw new SelectedMailboxGone();
        }
        return snapshot;
    }

    private static MailboxSnapshot followRename(Selected selected) {
        MailboxView view = selected.view();
        for (MailboxInfo info : selected.mail().mailboxes()) {
            if (info.id().equals(view.mailboxId())) {
                MailboxName name = Mailboxes.wireName(info.name()).orElseThrow(SelectedMailboxGone::new);
                view.renamed(name);
                return selected.mail().snapshot(info.name());
            }
        }
        throw new SelectedMailboxGone();
    }

    /** Sends whatever changed since the client's last view; nothing when no mailbox is selected. */
    static void sync(CommandContext ctx, boolean expungeAllowed) {
        if (!(ctx.session().state() instanceof Selected selected)) {
            return;
        }
        MailboxSnapshot snapshot = snapshot(selected);
        if (selected.view().isSyncedWith(snapshot)) {
            return;
        }
        for (Response r : selected.view().sync(snapshot, policy(ctx.session(), expungeAllowed))) {
            ctx.send(r);
        }
    }

    /** How this session reports changes. */
    static SyncPolicy policy(ImapSession session, boolean expungeAllowed) {
        return new SyncPolicy(expungeAllowed, session.enabled(Extension.CONDSTORE),
                session.enabled(Extension.QRESYNC));
    }
}
