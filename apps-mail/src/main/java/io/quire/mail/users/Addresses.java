package io.quire.mail.users;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules for mail user names and aliases, in one place.
 *
 * <p>A user name is the user's address, lower-cased: RFC 5321 §2.4 lets a local part be case-sensitive,
 * but no mail system in use makes {@code Alice@} and {@code alice@} different people, and one spelling
 * is needed because the name is a document id and part of a database name ({@code mail.<name>}).
 * Those two uses also narrow the grammar to a subset of RFC 5321's {@code Dot-string}:
 * {@code local = [a-z0-9_+-]+ ("." [a-z0-9_+-]+)*}, {@code domain = label ("." label)*},
 * {@code label = [a-z0-9] [a-z0-9-]*}, at most {@value #MAX_LENGTH} characters, and the domain must
 * be one the node accepts mail for.
 */
public final class Addresses {
    /** {@code mail.} plus the name must fit a database name (128 characters). */
    public static final int MAX_LENGTH = 123;
    private static final Pattern FORM = Pattern.compile(
            "[a-z0-9_+-]+(\\.[a-z0-9_+-]+)*@[a-z0-9][a-z0-9-]*(\\.[a-z0-9][a-z0-9-]*)*");

    private final List<String> domains;

    /** {@code domains}: the domains this node accepts mail for (any case). */
    public Addresses(List<String> domains) {
        this.domains = domains.stream().map(d -> d.toLowerCase(Locale.ROOT)).toList();
    }

    public List<String> domains() {
        return domains;
    }

    /** The canonical spelling: surrounding spaces and angle brackets removed, lower-cased. */
    public static String normalize(String address) {
        String a = address == null ? "" : address.strip();
        if (a.startsWith("<") && a.endsWith(">")) a = a.substring(1, a.length() - 1).strip();
        return a.toLowerCase(Locale.ROOT);
    }

    /** Why {@code name} (already normalized) cannot be a user name or alias here, or empty when it can. */
    public Optional<String> problem(String name) {
        if (name.isEmpty()) return Optional.of("a name is required, e.g. alice@" + example());
        if (name.length() > MAX_LENGTH) return Optional.of("'" + name + "' is longer than " + MAX_LENGTH + " characters");
        if (!FORM.matcher(name).matches())
            return Optional.of("'" + name + "' is not an address this server can hold: expected local@domain with "
                    + "letters, digits and . _ + - in the local part");
        if (!domains.contains(domain(name)))
            return Optional.of("'" + name + "' is not in a domain this node receives mail for (" + String.join(", ", domains) + ")");
        return Optional.empty();
    }

    /** Whether mail for this (normalized) address is ours to deliver: its domain is configured. */
    public boolean isLocal(String address) {
        int at = address.lastIndexOf('@');
        return at > 0 && domains.contains(address.substring(at + 1));
    }

    /**
     * The names to look up for a recipient, most specific first: the address itself, then without a
     * {@code +detail} sub-address (RFC 5233, "alice+lists@" delivers to "alice@"). The bare
     * {@code postmaster} that RFC 5321 §4.5.1 requires us to accept stands for
     * {@code postmaster@<first domain>}.
     */
    public List<String> candidates(String address) {
        String a = normalize(address);
        if (a.equals("postmaster") && !domains.isEmpty()) a = "postmaster@" + domains.get(0);
        List<String> out = new ArrayList<>(List.of(a));
        int at = a.lastIndexOf('@');
        int plus = at < 0 ? -1 : a.indexOf('+');
        if (plus > 0 && plus < at) out.add(a.substring(0, plus) + a.substring(at));
        return out;
    }

    static String domain(String name) {
        return name.substring(name.lastIndexOf('@') + 1);
    }

    private String example() {
        return domains.isEmpty() ? "example.org" : domains.get(0);
    }
}
