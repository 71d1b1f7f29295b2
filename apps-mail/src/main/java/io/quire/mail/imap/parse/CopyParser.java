package io.quire.mail.imap.parse;

/** Parses {@code COPY SP sequence-set SP mailbox} (RFC 9051 §6.4.7). */
final class CopyParser {
    private CopyParser() {
    }

    static Copy parse(Arguments args, boolean uid) {
        Copy command = new Copy(uid, args.sequenceSet("sequence set"), args.mailbox("target mailbox"));
        args.end();
        return command;
    }
}
