package io.quire.mail.imap.handler;

import io.quire.mail.imap.protocol.ProtocolException;
import io.quire.mail.store.MailStoreException;
import java.io.UncheckedIOException;

/**
 * Why a command failed, as a value: the one classification of everything a handler can throw, so that
 * {@link Dispatcher#answer} maps each case with an exhaustive switch.
 */
sealed interface Failure {

    /** A handler refused the command ({@link Refusal}). */
    record Refused(Refusal refusal) implements Failure {
    }

    /** A value type rejected a name or flag that reached a handler ({@code ProtocolException}). */
    record Invalid(ProtocolException exception) implements Failure {
    }

    /** The store reported an expected failure. */
    record Store(MailStoreException exception) implements Failure {
    }

    /** The selected mailbox is gone; the session ends with BYE. */
    record Gone() implements Failure {
    }

    /** The connection went away while the command ran (the responder's I/O failed): nothing left to answer. */
    record Disconnected() implements Failure {
    }

    /** A bug or an unexpected I/O failure: logged, never shown to the client. */
    record Bug(Throwable cause) implements Failure {
    }

    /** Classifies a throwable. */
    static Failure of(Throwable t) {
        return switch (t) {
            case Refusal r -> new Refused(r);
            case ProtocolException p -> new Invalid(p);
            case MailStoreException m -> new Store(m);
            case SelectedMailboxGone g -> new Gone();
            case UncheckedIOException io -> new Disconnected();
            default -> new Bug(t);
        };
    }
}
