package io.quire.mail.imap.parse;

/** Parses {@code UNSUBSCRIBE SP mailbox}. */
final class UnsubscribeParser {
    private UnsubscribeParser() {
    }

    static Unsubscribe parse(Arguments args) {
        Unsubscribe command = new Unsubscribe(args.mailbox("mailbox name"));
        args.end();
        return command;
    }
}
