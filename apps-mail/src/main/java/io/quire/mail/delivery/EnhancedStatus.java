package io.quire.mail.delivery;

import java.util.regex.Pattern;

/**
 * An RFC 3463 enhanced mail system status code, {@code class.subject.detail}, such as {@code 5.1.1}.
 *
 * <p>Grammar (RFC 3463 §2): {@code status-code = class "." subject "." detail}, {@code class = "2" / "4" / "5"},
 * {@code subject = 1*3digit}, {@code detail = 1*3digit}. The class says whether the outcome is a success (2),
 * a transient failure (4) or a permanent failure (5); it must agree with the basic SMTP reply code it travels with.
 */
public record EnhancedStatus(int statusClass, int subject, int detail) {

    private static final Pattern SYNTAX = Pattern.compile("([245])\\.(\\d{1,3})\\.(\\d{1,3})");

    /** Validates the three parts against the RFC 3463 grammar. */
    public EnhancedStatus {
        if (statusClass != 2 && statusClass != 4 && statusClass != 5) {
            throw new IllegalArgumentException("class must be 2, 4 or 5: " + statusClass);
        }
        if (subject < 0 || subject > 999 || detail < 0 || detail > 999) {
            throw new IllegalArgumentException("subject and detail must have 1 to 3 digits");
        }
    }

    /** Parses {@code "5.1.1"}; rejects anything outside the RFC 3463 grammar. */
    public static EnhancedStatus parse(String text) {
        var m = SYNTAX.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not an RFC 3463 status code: " + text);
        }
        return new EnhancedStatus(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)));
    }

    /** Shorthand for {@link #parse(String)}, for constants. */
    public static EnhancedStatus of(String text) {
        return parse(text);
    }

    /** Whether this is a class-4 (transient) code. */
    public boolean isTransient() {
        return statusClass == 4;
    }

    /** Whether this is a class-5 (permanent) code. */
    public boolean isPermanent() {
        return statusClass == 5;
    }

    /** Whether class-independent {@code subject.detail} equals the given pair (X.2.2 is "mailbox full"). */
    public boolean is(int subject, int detail) {
        return this.subject == subject && this.detail == detail;
    }

    @Override
    public String toString() {
        return statusClass + "." + subject + "." + detail;
    }
}
