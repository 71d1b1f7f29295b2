package io.quire.mail.imap.session;

import java.util.Locale;
import java.util.Optional;

/** A capability a client can turn on for its session with ENABLE (RFC 5161) or, for CONDSTORE, by using it. */
public enum Extension {
    /** RFC 7162 §3.1: MODSEQ in unsolicited FETCH responses, HIGHESTMODSEQ after the first use. */
    CONDSTORE("CONDSTORE"),
    /** RFC 7162 §3.2: VANISHED instead of EXPUNGE; implies CONDSTORE. */
    QRESYNC("QRESYNC"),
    /** RFC 6855: UTF-8 mailbox names and quoted strings. */
    UTF8_ACCEPT("UTF8=ACCEPT"),
    /** RFC 9051 §6.3.1: IMAP4rev2 responses (ESEARCH for SEARCH, no RECENT). */
    IMAP4REV2("IMAP4rev2");

    private final String atom;

    Extension(String atom) {
        this.atom = atom;
    }

    /** The capability name as written in ENABLE and ENABLED. */
    public String atom() {
        return atom;
    }

    /** The extension an ENABLE argument names, matched case-insensitively. */
    public static Optional<Extension> named(String capability) {
        for (Extension e : values()) {
            if (e.atom.toUpperCase(Locale.ROOT).equals(capability.toUpperCase(Locale.ROOT))) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
