package io.quire.mail.smtp.core;

import io.quire.mail.delivery.EnhancedStatus;
import io.quire.mail.delivery.Failure;
import java.util.ArrayList;
import java.util.List;

/**
 * Every reply the receivers send, in one place (the catalog of user-facing texts, like James's
 * {@code HumanReadableText}).
 *
 * <p>Basic codes follow RFC 5321 §4.2.2 and §4.3.2; enhanced codes RFC 3463 and the IANA registry; texts follow
 * Postfix's wording where a client or an administrator may grep for them.
 */
public final class Replies {

    private Replies() {
    }

    static Reply greeting(SmtpConfig config) {
        return Reply.plain(220, config.serverName() + " " + config.protocol().greetingName() + " Quire ready");
    }

    /** The EHLO/LHLO reply: our name, then one extension keyword per line (RFC 5321 §4.1.1.1). */
    static Reply ehlo(SmtpConfig config, String clientName, boolean tlsActive) {
        var lines = new ArrayList<String>();
        lines.add(config.serverName() + " greets " + clientName);
        lines.add("PIPELINING");
        lines.add("SIZE " + config.maxMessageSize());
        lines.add("8BITMIME");
        lines.add("ENHANCEDSTATUSCODES");
        lines.add("SMTPUTF8");
        if (config.tlsAvailable() && !tlsActive) {
            lines.add("STARTTLS");
        }
        lines.add("HELP");
        return new Reply(250, null, lines);
    }

    static Reply helo(SmtpConfig config, String clientName) {
        return Reply.plain(250, config.serverName() + " greets " + clientName);
    }

    static final Reply OK = Reply.of(250, "2.0.0", "OK");
    static final Reply SENDER_OK = Reply.of(250, "2.1.0", "Sender OK");
    static final Reply RECIPIENT_OK = Reply.of(250, "2.1.5", "Recipient OK");
    static final Reply RESET = Reply.of(250, "2.0.0", "Reset state");
    static final Reply START_DATA = Reply.plain(354, "End data with <CR><LF>.<CR><LF>");
    static final Reply VRFY = Reply.of(252, "2.0.0", "Cannot VRFY user, but will accept message and attempt delivery");
    static final Reply HELP = new Reply(214, EnhancedStatus.of("2.0.0"), List.of(
            "Commands: HELO EHLO LHLO MAIL RCPT DATA RSET NOOP QUIT VRFY HELP STARTTLS",
            "See RFC 5321 and RFC 2033"));
    static final Reply START_TLS = Reply.of(220, "2.0.0", "Ready to start TLS");

    static Reply quit(SmtpConfig config) {
        return Reply.of(221, "2.0.0", config.serverName() + " closing connection");
    }

    static Reply delivered(String id) {
        return Reply.of(250, "2.0.0", "OK: queued as " + id);
    }

    static Reply deliveredTo(String recipient, String id) {
        return Reply.of(250, "2.0.0", "<" + recipient + "> " + id + " Saved");
    }

    // 503: RFC 5321 §4.3.2 "Bad sequence of commands"; X.5.1 "Invalid command".
    static final Reply NEED_HELO = Reply.of(503, "5.5.1", "Send HELO/EHLO first");
    static final Reply NEED_LHLO = Reply.of(503, "5.5.1", "Send LHLO first");
    static final Reply NEED_MAIL = Reply.of(503, "5.5.1", "Send MAIL first");
    static final Reply NESTED_MAIL = Reply.of(503, "5.5.1", "Nested MAIL command");
    static final Reply NEED_RCPT = Reply.of(503, "5.5.1", "Send RCPT first");
    static final Reply TLS_ACTIVE = Reply.of(503, "5.5.1", "TLS already active");
    // RFC 5321 §3.3: DATA after every RCPT failed; with PIPELINING the client must see a failure here.
    static final Reply NO_VALID_RECIPIENTS = Reply.of(554, "5.5.1", "No valid recipients");
    static final Reply TLS_NOT_AVAILABLE = Reply.of(502, "5.5.1", "STARTTLS not available");

    static final Reply UNKNOWN_COMMAND = Reply.of(500, "5.5.2", "Command unrecognized");
    // X.5.6 is registered for over-long lines (RFC 4954 §9 lists it for AUTH exchanges; no other code fits).
    static final Reply LINE_TOO_LONG = Reply.of(500, "5.5.6", "Line too long");
    static final Reply BAD_UTF8 = Reply.of(500, "5.5.2", "Invalid UTF-8 in command");

    static Reply syntax(String usage) {
        return Reply.of(501, "5.5.4", "Syntax: " + usage);
    }

    static final Reply BAD_SENDER = Reply.of(501, "5.1.7", "Bad sender address syntax");
    static final Reply BAD_RECIPIENT = Reply.of(501, "5.1.3", "Bad recipient address syntax");
    // RFC 6531 §3.5: an address that needs SMTPUTF8 without the parameter.
    static final Reply NON_ASCII_ADDRESS = Reply.of(553, "5.6.7", "Non-ASCII address requires SMTPUTF8");

    static Reply unsupportedParameter(String keyword) {
        return Reply.of(555, "5.5.4", "Unsupported parameter " + keyword);
    }

    static final Reply MESSAGE_TOO_BIG = Reply.of(552, "5.3.4", "Message size exceeds fixed limit");
    static final Reply TOO_MANY_RECIPIENTS = Reply.of(452, "4.5.3", "Too many recipients");
    // X.6.2 "conversion required but prohibited": fixing the line ends would change the message; we won't.
    static final Reply BARE_LINE_END = Reply.of(550, "5.6.2", "Bare CR or LF in message; lines must end with CRLF");
    static final Reply TEMPORARY_FAILURE = Reply.of(451, "4.3.0", "Temporary failure, please try again later");

    static Reply tooManyErrors(SmtpConfig config) {
        return Reply.of(421, "4.7.0", config.serverName() + " Too many errors, closing connection");
    }

    /** Sent when a client stays silent for longer than the idle timeout (RFC 5321 §4.5.3.2.7). */
    public static Reply idleTimeout(String serverName) {
        return Reply.of(421, "4.4.2", serverName + " Timeout, closing connection");
    }

    /** Sent to connections still open when the server stops. */
    public static Reply shuttingDown(String serverName) {
        return Reply.of(421, "4.3.2", serverName + " Service shutting down, closing connection");
    }

    /** Sent instead of the greeting when the connection limit is reached. */
    public static Reply tooManyConnections(String serverName) {
        return Reply.of(421, "4.7.0", serverName + " Too many connections, try again later");
    }

    /**
     * The reply for a refused recipient or a failed delivery.
     *
     * <p>Basic code by the RFC 5321 §4.2.2 meanings: 452/552 for storage ("insufficient system storage",
     * "exceeded storage allocation": X.2.2 mailbox full, X.3.1 system full, X.3.4 message too big, X.5.3 too many
     * recipients), 553 for a bad address (X.1.3, X.1.7, X.6.7), otherwise 451 or 550.
     */
    static Reply failure(Failure failure) {
        EnhancedStatus s = failure.status();
        int code;
        if (failure.isTransient()) {
            code = s.is(2, 2) || s.is(3, 1) || s.is(5, 3) ? 452 : 451;
        } else if (s.is(2, 2) || s.is(3, 4)) {
            code = 552;
        } else if (s.is(1, 3) || s.is(1, 7) || s.is(6, 7)) {
            code = 553;
        } else {
            code = 550;
        }
        return new Reply(code, s, List.of(failure.text()));
    }
}
