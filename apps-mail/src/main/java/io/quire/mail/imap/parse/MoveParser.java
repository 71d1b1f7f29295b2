package io.quire.mail.imap.parse;

/** Parses {@code MOVE SP sequence-set SP mailbox} (RFC 6851 §3). */
final class MoveParser {
    private MoveParser() {
    }

    static Move parse(Arguments args, boolean uid) {
        Move command = new Move(uid, args.sequenceSet("sequence set"), args.mailbox("target mailbox"));
        args.end();
        return command;
    }
}
