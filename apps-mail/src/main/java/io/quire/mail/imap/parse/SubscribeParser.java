package io.quire.mail.imap.parse;

/** Parses {@code SUBSCRIBE SP mailbox}. */
final class SubscribeParser {
    private SubscribeParser() {
    }

    static Subscribe parse(Arguments args) {
        Subscribe command = new Subscribe(args.mailbox("mailbox name"));
        args.end();
        return command;
    }
}
