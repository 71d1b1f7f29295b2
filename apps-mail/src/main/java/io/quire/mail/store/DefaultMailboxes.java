package io.quire.mail.store;

import io.quire.mail.model.MailboxName;
import io.quire.mail.model.SpecialUse;
import java.util.List;
import java.util.Optional;

/**
 * The mailboxes every user starts with: INBOX and the RFC 6154 special-use ones. Their ids are
 * fixed ({@code inbox}, {@code sent} ...), so replicas that each create a user's database end with
 * the same documents instead of duplicates.
 */
final class DefaultMailboxes {
    record Default(String id, String name, Optional<String> specialUse) {
    }

    static final List<Default> ALL = List.of(
            new Default(MailboxPlans.INBOX_ID, MailboxName.INBOX, Optional.empty()),
            new Default("sent", "Sent", Optional.of(SpecialUse.SENT)),
            new Default("drafts", "Drafts", Optional.of(SpecialUse.DRAFTS)),
            new Default("trash", "Trash", Optional.of(SpecialUse.TRASH)),
            new Default("junk", "Junk", Optional.of(SpecialUse.JUNK)),
            new Default("archive", "Archive", Optional.of(SpecialUse.ARCHIVE)));

    private DefaultMailboxes() {
    }

    /** Creates the defaults whose id and name are both free (a user's own "Sent" is left alone). */
    static Plan<Void> plan(TxDraft d) {
        for (Default m : ALL)
            if (!d.exists(m.id()) && d.view().byName(m.name()).isEmpty()) d.create(m.id(), m.name(), m.specialUse(), true);
        return Plan.of(d, null);
    }
}
