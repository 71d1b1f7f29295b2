package io.quire.mail.store;

import io.quire.mail.model.MailboxName;
import io.quire.mail.model.MessageIds;
import io.quire.mail.store.EntryList.Row;
import io.quire.mail.store.MailDocs.VanishedRecord;
import io.quire.mail.store.MailStoreException.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Plans of the mailbox operations: CREATE, DELETE, RENAME, SUBSCRIBE (RFC 3501 §6.3.3–6.3.6).
 * Each reads one {@link IndexView} and yields one transaction; nothing here does I/O.
 */
final class MailboxPlans {
    /** The stable id of INBOX: fixed, so replicas that each create a user's database agree on it. */
    static final String INBOX_ID = "inbox";

    private final MessageIds ids;

    MailboxPlans(MessageIds ids) {
        this.ids = ids;
    }

    /** CREATE: the mailbox and any missing superiors (RFC 3501 §6.3.3 "SHOULD create"). */
    Plan<MailboxInfo> create(TxDraft d, MailboxName name, Optional<String> specialUse) {
        IndexView v = d.view();
        if (v.byName(name.value()).isPresent()) throw new MailStoreException(Kind.ALREADY_EXISTS, "mailbox " + name + " already exists");
        createSuperiors(d, name);
        MailboxRecord r = d.create(name.isInbox() ? INBOX_ID : ids.next(), name.value(), specialUse, false);
        return Plan.of(d, r.info(0, 0));
    }

    private void createSuperiors(TxDraft d, MailboxName name) {
        for (MailboxName s : name.superiors())
            if (d.view().byName(s.value()).isEmpty()) d.create(s.isInbox() ? INBOX_ID : ids.next(), s.value(), Optional.empty(), false);
    }

    /** DELETE: the mailbox document, its messages and its vanished records; inferiors stay (RFC 9051 §6.3.5). */
    Plan<Void> delete(TxDraft d, MailboxName name) {
        if (name.isInbox()) throw new MailStoreException(Kind.NOT_ALLOWED, "INBOX cannot be deleted (RFC 3501 §6.3.4)");
        MailboxRecord r = require(d.view(), name);
        d.deleteMailbox(r);
        EntryList e = d.view().entries(r.id());
        for (int i = 0; i < e.size(); i++) d.deleteMessage(r.id(), new Row(e.get(i), e.revision(i)));
        for (VanishedRecord x : d.view().vanishedOf(r.id()).all()) d.deleteVanished(x);
        return Plan.of(d, null);
    }

    /**
     * RENAME: the mailbox and its inferiors keep their ids (messages refer to ids, so no message is
     * touched). Renaming INBOX instead moves its messages into a new mailbox and leaves INBOX empty
     * (RFC 3501 §6.3.5); its inferiors are not renamed then.
     */
    Plan<Void> rename(TxDraft d, MailboxName from, MailboxName to) {
        IndexView v = d.view();
        MailboxRecord src = require(v, from);
        if (v.byName(to.value()).isPresent()) throw new MailStoreException(Kind.ALREADY_EXISTS, "mailbox " + to + " already exists");
        if (to.isInferiorOf(from)) throw new MailStoreException(Kind.NOT_ALLOWED, "cannot rename " + from + " under itself");
        if (from.isInbox()) {
            createSuperiors(d, to);
            MailboxRecord target = d.create(ids.next(), to.value(), Optional.empty(), src.subscribed());
            EntryList e = v.entries(src.id());
            List<Row> rows = new ArrayList<>(e.size());
            for (int i = 0; i < e.size(); i++) rows.add(new Row(e.get(i), e.revision(i)));
            Moves.move(d, src.id(), target.id(), rows);
            return Plan.of(d, null);
        }
        List<MailboxRecord> moving = new ArrayList<>();
        moving.add(src);
        String prefix = from.value() + MailboxName.DELIMITER;
        for (MailboxRecord m : v.mailboxes().values()) if (m.name().startsWith(prefix)) moving.add(m);
        for (MailboxRecord m : moving) {
            String newName = to.value() + m.name().substring(from.value().length());
            Optional<MailboxRecord> clash = v.byName(newName);
            if (clash.isPresent() && moving.stream().noneMatch(x -> x.id().equals(clash.get().id())))
                throw new MailStoreException(Kind.ALREADY_EXISTS, "mailbox " + newName + " already exists");
            d.update(d.box(m.id()).withName(newName));
        }
        createSuperiors(d, to);
        return Plan.of(d, null);
    }

    Plan<Void> subscribe(TxDraft d, MailboxName name, boolean subscribed) {
        MailboxRecord r = require(d.view(), name);
        d.update(r.withSubscribed(subscribed));
        return Plan.of(d, null);
    }

    static MailboxRecord require(IndexView v, MailboxName name) {
        return v.byName(name.value()).orElseThrow(() -> new MailStoreException(Kind.NO_SUCH_MAILBOX, "no mailbox " + name));
    }
}
