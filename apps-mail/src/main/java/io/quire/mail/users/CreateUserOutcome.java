package io.quire.mail.users;

/** What creating a user gave: the new user, or why not. Expected outcomes, so values rather than exceptions. */
public sealed interface CreateUserOutcome {
    record Created(UserRecord user) implements CreateUserOutcome {
    }

    /** The name, or one of the aliases, is already a user or an alias. */
    record Taken(String address, String detail) implements CreateUserOutcome {
    }

    /** A bad name, alias, domain or password; {@code detail} says which and why. */
    record Invalid(String detail) implements CreateUserOutcome {
    }
}
