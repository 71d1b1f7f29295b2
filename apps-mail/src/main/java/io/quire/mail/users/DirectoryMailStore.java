package io.quire.mail.users;

import io.quire.mail.store.MailStore;
import io.quire.mail.store.UserMail;
import io.quire.sdk.Databases;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's {@link MailStore}: users and passwords from the {@link UserDirectory}, each user's mail
 * from its own database through the {@link UserMailFactory}. Opened user mail is kept for the
 * node's lifetime, since opening builds the mailbox index.
 */
public final class DirectoryMailStore implements MailStore {
    private static final Logger log = LoggerFactory.getLogger(DirectoryMailStore.class);

    private final UserDirectory directory;
    private final Databases databases;
    private final UserMailFactory factory;
    private final Map<String, UserMail> open = new ConcurrentHashMap<>();

    public DirectoryMailStore(UserDirectory directory, Databases databases, UserMailFactory factory) {
        this.directory = directory;
        this.databases = databases;
        this.factory = factory;
    }

    public UserDirectory directory() {
        return directory;
    }

    @Override
    public Optional<UserMail> user(String userName) {
        String name = Addresses.normalize(userName);
        UserMail cached = open.get(name);
        if (cached != null) return Optional.of(cached);
        if (directory.get(name).isEmpty()) return Optional.empty();
        synchronized (open) {
            cached = open.get(name);
            if (cached != null) return Optional.of(cached);
            Optional<UserMail> opened = factory.open(databases, name);
            opened.ifPresent(m -> open.put(name, m));
            return opened;
        }
    }

    @Override
    public Optional<String> authenticate(String userName, String password) {
        return directory.authenticate(userName, password);
    }

    @Override
    public Optional<String> resolveAddress(String address) {
        return directory.resolve(address);
    }

    @Override
    public void close() {
        for (UserMail m : open.values()) {
            if (m instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception e) {
                    log.warn("event=user_mail_close_failed user={} error={}", m.user(), e.toString());
                }
            }
        }
        open.clear();
    }
}
