package io.quire.mail.users;

/**
 * The schema of the users directory, the replicated database {@value #DATABASE}.
 *
 * <p>Merge semantics, per field (what two nodes that changed the same user concurrently end with):
 * <ul>
 *   <li>{@code user.name}: immutable, it is the document id spelled out;</li>
 *   <li>{@code user.passwordHash}: lww, the later password change wins (the other is kept in a
 *       conflict record);</li>
 *   <li>{@code user.aliases}: a set, aliases added on either side are kept;</li>
 *   <li>{@code user.createdAt}: min, the earlier creation time;</li>
 *   <li>{@code alias.user}: lww; an alias document (id = the alias address) makes address lookup one
 *       read instead of a scan of every user.</li>
 * </ul>
 * {@code edit-wins} for users: a password change concurrent with a delete brings the user back
 * rather than silently dropping the change; deleting users is not offered yet.
 */
public final class UsersSchema {
    public static final String DATABASE = "mail-users";
    public static final String USER = "user";
    public static final String ALIAS = "alias";

    public static final String TEXT = """
            name: mail-users
            version: 1
            types:
              user:
                onConflict: edit-wins
                strict: true
                fields:
                  name:         { type: string, required: true, merge: immutable }
                  passwordHash: { type: string, required: true, merge: lww }
                  aliases:      { type: array, items: string, merge: set }
                  createdAt:    { type: string, required: true, merge: min }
              alias:
                strict: true
                fields:
                  user: { type: string, required: true, merge: lww }
            """;

    private UsersSchema() {
    }
}
