package io.quire.mail.imap.server;

import io.quire.mail.imap.handler.Outcome;
import io.quire.mail.imap.protocol.Tag;

/** What the connection expects from the client next: a command, or a raw line answering a continuation request. */
sealed interface Awaiting {
    /** The next command. */
    Awaiting COMMAND = new Command();

    /** A command line. */
    record Command() implements Awaiting {
    }

    /** {@code DONE}, ending the IDLE command {@code tag} (RFC 2177). */
    record IdleDone(Tag tag) implements Awaiting {
    }

    /** A SASL response line for the AUTHENTICATE command {@code tag} (RFC 9051 §6.2.2). */
    record SaslResponse(Tag tag, Outcome.SaslStep step) implements Awaiting {
    }
}
