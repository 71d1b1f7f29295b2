package io.quire.mail.imap.parse;

/** Parses {@code LOGIN SP userid SP password} (RFC 9051 §6.2.3; both astrings). */
final class LoginParser {
    private LoginParser() {
    }

    static Login parse(Arguments args) {
        String user = args.astring("user name");
        String password = args.astring("password");
        args.end();
        return new Login(user, password);
    }
}
