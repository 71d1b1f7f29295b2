package io.quire.mail.imap.handler;

import io.quire.mail.imap.parse.ThreadMessages;

/** THREAD (RFC 5256) is not advertised; a client that sends it anyway gets a BAD. */
final class ThreadHandler implements CommandHandler<ThreadMessages> {
    @Override
    public Validity validity() {
        return Validity.SELECTED;
    }

    @Override
    public Outcome handle(ThreadMessages command, CommandContext ctx) {
        return Outcome.Done.bad(Texts.THREAD_UNSUPPORTED);
    }
}
