package io.quire.mail.app;

import io.quire.mail.store.MailOptions;
import io.quire.mail.store.MailSchema;
import io.quire.mail.store.UserMail;
import io.quire.mail.users.UserMailFactory;
import io.quire.sdk.Databases;
import java.util.Optional;

/** Users' mail as the mail store keeps it: one database per user with the {@link MailSchema}. */
final class SchemaUserMailFactory implements UserMailFactory {
    private final MailOptions options;

    SchemaUserMailFactory(MailOptions options) {
        this.options = options;
    }

    @Override
    public UserMail create(Databases databases, String user) {
        return MailSchema.create(databases, user, options);
    }

    @Override
    public Optional<UserMail> open(Databases databases, String user) {
        return MailSchema.open(databases, user, options).map(m -> m);
    }
}
