package io.quire.mail.imap.handler;

import io.quire.mail.imap.parse.Command;

/**
 * The semantics of one IMAP command: the typed command in, untagged responses out through the context, and an
 * {@link Outcome}. Handlers never see bytes; they may throw {@link Refusal} or the store's
 * {@code MailStoreException}, which {@link Dispatcher} alone turns into tagged responses.
 *
 * @param <C> the command record this handler serves
 */
public interface CommandHandler<C extends Command> {

    /** The session states the command is valid in. */
    Validity validity();

    /** Runs the command. Called on a worker thread, never on an event loop: it may block on the store. */
    Outcome handle(C command, CommandContext context);
}
