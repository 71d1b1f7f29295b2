package io.quire.mail.imap.handler;

/**
 * Every human-readable response text of the IMAP server, in one place (JGit's {@code JGitText}, James's
 * {@code HumanReadableText}). Texts never contain store internals or exception messages.
 */
public final class Texts {
    private Texts() {
    }

    public static final String GREETING = "IMAP4rev2 server ready";
    public static final String CAPABILITY_DONE = "CAPABILITY completed";
    public static final String NOOP_DONE = "NOOP completed";
    public static final String CHECK_DONE = "CHECK completed";
    public static final String LOGOUT_BYE = "Logging out";
    public static final String LOGOUT_DONE = "LOGOUT completed";
    public static final String BEGIN_TLS = "Begin TLS negotiation now";
    public static final String TLS_ACTIVE = "TLS is already active";
    public static final String TLS_UNAVAILABLE = "STARTTLS is not available";
    public static final String LOGGED_IN = "Logged in";
    public static final String AUTH_FAILED = "Authentication failed";
    public static final String AUTH_THROTTLED = "Too many failed logins from your address; try again later";
    public static final String AUTH_CANCELLED = "AUTHENTICATE cancelled";
    public static final String AUTH_MALFORMED = "Malformed SASL response";
    public static final String AUTH_MECHANISM = "Unsupported authentication mechanism";
    public static final String AUTHZ_FAILED = "Cannot act as another user";
    public static final String PRIVACY_REQUIRED = "Use STARTTLS or the TLS port before logging in";
    public static final String TOO_MANY_USER_CONNECTIONS = "Too many connections for this user";
    public static final String ENABLE_DONE = "ENABLE completed";
    public static final String ID_DONE = "ID completed";
    public static final String IDLE_DONE = "IDLE terminated";
    public static final String IDLE_EXPECTED_DONE = "Expected DONE to end IDLE";
    public static final String IDLING = "idling";
    public static final String STILL_HERE = "Still here";
    public static final String NAMESPACE_DONE = "NAMESPACE completed";
    public static final String SELECT_DONE = "SELECT completed";
    public static final String EXAMINE_DONE = "EXAMINE completed";
    public static final String CLOSED = "Previous mailbox closed";
    public static final String UIDS_VALID = "UIDs valid";
    public static final String UID_NEXT = "Predicted next UID";
    public static final String HIGHEST_MODSEQ = "Highest mod-sequence";
    public static final String FLAGS_PERMITTED = "Flags permitted";
    public static final String NO_PERMANENT_FLAGS = "Read-only mailbox";
    public static final String FIRST_UNSEEN = "First unseen message";
    public static final String QRESYNC_NOT_ENABLED = "QRESYNC must be enabled first (ENABLE QRESYNC)";
    public static final String NO_SUCH_MAILBOX = "No such mailbox";
    public static final String ALREADY_EXISTS = "Mailbox already exists";
    public static final String INVALID_NAME = "Invalid mailbox name";
    public static final String NOT_ALLOWED = "Not allowed";
    public static final String OVER_QUOTA = "Over quota";
    public static final String UNAVAILABLE = "Mail store temporarily unavailable; try again";
    public static final String SERVER_BUG = "Internal server error; the command was not completed";
    public static final String CREATE_DONE = "CREATE completed";
    public static final String CANNOT_CREATE_INBOX = "INBOX always exists";
    public static final String USE_ATTRIBUTE = "Unsupported or repeated special-use attribute";
    public static final String DELETE_DONE = "DELETE completed";
    public static final String CANNOT_DELETE_INBOX = "INBOX cannot be deleted";
    public static final String HAS_CHILDREN = "Mailbox has children; delete them first";
    public static final String RENAME_DONE = "RENAME completed";
    public static final String RENAME_INTO_ITSELF = "A mailbox cannot be moved into itself";
    public static final String SUBSCRIBE_DONE = "SUBSCRIBE completed";
    public static final String UNSUBSCRIBE_DONE = "UNSUBSCRIBE completed";
    public static final String LIST_DONE = "LIST completed";
    public static final String LSUB_DONE = "LSUB completed";
    public static final String STATUS_DONE = "STATUS completed";
    public static final String APPEND_DONE = "APPEND completed";
    public static final String TRY_CREATE = "Mailbox does not exist; create it first";
    public static final String EMPTY_MESSAGE = "Cannot append an empty message";
    public static final String NUL_IN_MESSAGE = "Message contains NUL; send it as literal8 (~{n})";
    public static final String TOO_LARGE = "Message exceeds the append limit";
    public static final String CLOSE_DONE = "CLOSE completed";
    public static final String UNSELECT_DONE = "UNSELECT completed";
    public static final String EXPUNGE_DONE = "EXPUNGE completed";
    public static final String READ_ONLY = "Mailbox is read-only";
    public static final String SEARCH_DONE = "SEARCH completed";
    public static final String SORT_DONE = "SORT completed";
    public static final String FETCH_DONE = "FETCH completed";
    public static final String STORE_DONE = "STORE completed";
    public static final String CONDITIONAL_STORE_FAILED = "Conditional STORE failed for some messages";
    public static final String COPY_DONE = "COPY completed";
    public static final String MOVE_DONE = "MOVE completed";
    public static final String INVALID_MESSAGE_NUMBER = "Invalid message sequence number";
    public static final String EXPUNGE_ISSUED = "Some of the requested messages were expunged";
    public static final String UNKNOWN_CTE = "Cannot decode the part's content transfer encoding";
    public static final String VANISHED_NEEDS_QRESYNC = "VANISHED requires QRESYNC to be enabled";
    public static final String THREAD_UNSUPPORTED = "THREAD=REFS is not supported; use REFERENCES or ORDEREDSUBJECT";
    public static final String THREAD_DONE = "THREAD completed";
    public static final String READY_FOR_LITERAL = "Ready for literal data";
    public static final String PRE_AUTH_LITERAL = "Literal too large before login";
    public static final String TOO_MANY_ERRORS = "Too many invalid commands";
    public static final String AUTOLOGOUT = "Autologout; idle for too long";
    public static final String SHUTTING_DOWN = "Server shutting down";
    public static final String TOO_MANY_CONNECTIONS = "Too many connections; try again later";
    public static final String DISCONNECTED = "Connection lost";
    public static final String MAILBOX_GONE = "The selected mailbox was deleted or recreated";

    /** The BAD text for a command sent in the wrong state. */
    public static String notValidIn(String command, String state) {
        return command + " is not valid in the " + state + " state";
    }
}
