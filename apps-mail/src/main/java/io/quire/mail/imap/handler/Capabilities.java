package io.quire.mail.imap.handler;

import io.quire.mail.imap.session.ImapSession;
import java.util.ArrayList;
import java.util.List;

/**
 * The capability list for a session's current state (RFC 9051 §7.2.2): what is advertised before login is the
 * minimum needed to log in; the rest follows the login (RFC 9051 §6.2.3 lets it change).
 */
public final class Capabilities {
    private Capabilities() {
    }

    /** The capabilities to advertise now. */
    public static List<String> of(ImapSession session, HandlerConfig config) {
        List<String> caps = new ArrayList<>(List.of("IMAP4rev1", "IMAP4rev2"));
        switch (config.literalMode()) {
            case LITERAL_PLUS -> caps.add("LITERAL+");
            case LITERAL_MINUS -> caps.add("LITERAL-");
            case SYNC_ONLY -> { }
        }
        caps.addAll(List.of("SASL-IR", "ID", "ENABLE", "IDLE"));
        if (!session.state().isAuthenticated()) {
            if (config.starttls() && !session.tls()) {
                caps.add("STARTTLS");
            }
            if (loginAllowed(session, config)) {
                caps.add("AUTH=PLAIN");
            } else {
                caps.add("LOGINDISABLED");
            }
            return caps;
        }
        caps.addAll(List.of("NAMESPACE", "UNSELECT", "UIDPLUS", "MOVE", "CHILDREN", "LIST-EXTENDED", "LIST-STATUS",
                "SPECIAL-USE", "CREATE-SPECIAL-USE", "CONDSTORE", "QRESYNC", "ESEARCH", "SEARCHRES", "WITHIN",
                "MULTIAPPEND", "BINARY", "UTF8=ACCEPT", "STATUS=SIZE", "SORT", "SORT=DISPLAY", "ESORT",
                "THREAD=ORDEREDSUBJECT", "THREAD=REFERENCES", "APPENDLIMIT=" + config.appendLimit()));
        return caps;
    }

    /** Whether a plaintext password may be sent now (RFC 9051 §6.2.3 LOGINDISABLED). */
    public static boolean loginAllowed(ImapSession session, HandlerConfig config) {
        return session.tls() || config.plaintextLogin();
    }
}
