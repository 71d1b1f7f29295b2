package io.quire.mail.imap.parse;

/** Parses {@code EXPUNGE} and {@code UID EXPUNGE SP sequence-set} (RFC 4315 §2.1). */
final class ExpungeParser {
    private ExpungeParser() {
    }

    static Command parse(Arguments args, boolean uid) {
        if (!uid) {
            args.end();
            return new Expunge();
        }
        UidExpunge command = new UidExpunge(args.sequenceSet("UID set"));
        args.end();
        return command;
    }
}
