package io.quire.mail.imap.server;

import io.quire.mail.store.MailStore;
import io.quire.mail.store.UserMail;
import java.util.Optional;

/** A {@link MailStore} with one user and a fixed password, over any {@link UserMail} (one replica of a cluster). */
record OneUserStore(UserMail mail, String password) implements MailStore {
    @Override
    public Optional<UserMail> user(String userName) {
        return userName.equalsIgnoreCase(mail.user()) ? Optional.of(mail) : Optional.empty();
    }

    @Override
    public Optional<String> authenticate(String userName, String pw) {
        return userName.equalsIgnoreCase(mail.user()) && password.equals(pw) ? Optional.of(mail.user())
                : Optional.empty();
    }

    @Override
    public Optional<String> resolveAddress(String address) {
        return authenticate(address, password);
    }

    @Override
    public void close() {
    }
}
