package io.quire.mail.imap.handler;

import io.quire.mail.imap.protocol.MailboxName;
import io.quire.mail.imap.protocol.ProtocolException;
import io.quire.mail.imap.protocol.ResponseCode;
import io.quire.mail.store.MailStoreException;
import io.quire.mail.store.MailboxInfo;
import io.quire.mail.store.UserMail;
import java.util.Optional;

/**
 * Mailbox name helpers shared by the mailbox handlers. Names are always resolved in the session's own
 * {@link UserMail}: there is no syntax that reaches another user's mailboxes.
 */
final class Mailboxes {
    private Mailboxes() {
    }

    /** The store's name as a wire name, or empty if the store holds a name IMAP cannot express. */
    static Optional<MailboxName> wireName(String storeName) {
        try {
            return Optional.of(new MailboxName(storeName));
        } catch (ProtocolException e) {
            return Optional.empty();
        }
    }

    /** The mailbox, or {@code NO [NONEXISTENT]}. */
    static MailboxInfo existing(UserMail mail, MailboxName name) {
        return mail.mailbox(name.name())
                .orElseThrow(() -> Refusal.no(ResponseCode.Plain.NONEXISTENT, Texts.NO_SUCH_MAILBOX));
    }

    /**
     * The target of APPEND, COPY or MOVE, or {@code NO [TRYCREATE]}: RFC 9051 §6.3.12 asks for TRYCREATE so the
     * client can create the mailbox and retry.
     */
    static MailboxInfo target(UserMail mail, MailboxName name) {
        return mail.mailbox(name.name())
                .orElseThrow(() -> Refusal.no(ResponseCode.Plain.TRYCREATE, Texts.TRY_CREATE));
    }

    /** {@code name} if a client may create it (no LIST wildcards, RFC 3501 §6.3.8), else {@code NO [CANNOT]}. */
    static MailboxName creatable(MailboxName name) {
        try {
            return name.requireCreatable();
        } catch (ProtocolException e) {
            throw Refusal.no(ResponseCode.Plain.CANNOT, e.getMessage());
        }
    }

    /**
     * Creates the missing parents of {@code name} (RFC 3501 §6.3.3: "the server SHOULD create any superior
     * hierarchical names that are needed").
     */
    static void createParents(UserMail mail, MailboxName name) {
        Optional<MailboxName> parent = name.parent();
        if (parent.isEmpty() || mail.mailbox(parent.get().name()).isPresent()) {
            return;
        }
        createParents(mail, parent.get());
        try {
            mail.create(parent.get().name(), Optional.empty());
        } catch (MailStoreException e) {
            if (e.kind() != MailStoreException.Kind.ALREADY_EXISTS) {
                throw e;
            }
        }
    }

    /** Whether {@code name} is {@code ancestor} or below it in the hierarchy. */
    static boolean isWithin(String name, String ancestor) {
        return name.equals(ancestor) || name.startsWith(ancestor + MailboxName.DELIMITER);
    }
}
