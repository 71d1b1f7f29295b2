package io.quire.mail.imap.parse;

/** Parses {@code DELETE SP mailbox}. */
final class DeleteParser {
    private DeleteParser() {
    }

    static Delete parse(Arguments args) {
        Delete command = new Delete(args.mailbox("mailbox name"));
        args.end();
        return command;
    }
}
