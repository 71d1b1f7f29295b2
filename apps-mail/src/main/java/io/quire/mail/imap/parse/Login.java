package io.quire.mail.imap.parse;

/**
 * {@code LOGIN userid password} (RFC 9051 §6.2.3).
 *
 * @param username the user name (astring, UTF-8)
 * @param password the password (astring, UTF-8)
 */
public record Login(String username, String password) implements Command {
    @Override
    public String toString() {
        return "Login[username=" + username + ", password=***]";
    }
}
