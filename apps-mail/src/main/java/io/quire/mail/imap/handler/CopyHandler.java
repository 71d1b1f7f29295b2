package io.quire.mail.imap.handler;

import io.quire.mail.imap.parse.Copy;

/** COPY and UID COPY (RFC 9051 §6.4.7) with {@code [COPYUID]} (RFC 4315 §3); bodies are shared, not copied. */
final class CopyHandler implements CommandHandler<Copy> {
    @Override
    public Validity validity() {
        return Validity.SELECTED;
    }

    @Override
    public Outcome handle(Copy command, CommandContext ctx) {
        return Transfer.run(ctx, command.set(), command.uid(), command.target(), false)
                .<Outcome>map(code -> Outcome.Done.ok(code, Texts.COPY_DONE))
                .orElse(Outcome.Done.ok(Texts.COPY_DONE));
    }
}
