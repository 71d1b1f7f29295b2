package io.quire.mail.imap.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.mail.imap.parse.CommandParser;
import io.quire.mail.imap.parse.ParsedCommand;
import io.quire.mail.imap.protocol.ImapReceiver;
import io.quire.mail.imap.protocol.ReceiverConfig;
import io.quire.mail.imap.protocol.ReceiverEvent;
import io.quire.mail.imap.protocol.Request;
import io.quire.mail.imap.protocol.ResponseCode;
import io.quire.mail.imap.protocol.ResponseStatus;
import io.quire.mail.imap.protocol.MailboxName;
import io.quire.mail.imap.session.Authenticated;
import io.quire.mail.imap.session.ImapSession;
import io.quire.mail.imap.session.MailboxView;
import io.quire.mail.imap.session.Response;
import io.quire.mail.imap.session.Selected;
import io.quire.mail.imap.session.SessionState;
import io.quire.mail.store.MailStore;
import io.quire.mail.store.MailStoreException;
import io.quire.mail.store.MailboxInfo;
import io.quire.mail.store.MailboxSnapshot;
import io.quire.mail.store.UserMail;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The dispatcher's two jobs: each command runs only in the states it declares, and every failure is a value. */
class DispatcherTest {
    private static final Map<Validity, List<String>> COMMANDS = Map.of(
            Validity.ANY, List.of("CAPABILITY", "NOOP", "ID NIL"),
            Validity.NOT_AUTHENTICATED, List.of("STARTTLS", "LOGIN a b", "AUTHENTICATE PLAIN"),
            Validity.AUTHENTICATED, List.of("ENABLE CONDSTORE", "IDLE", "NAMESPACE", "SELECT INBOX", "EXAMINE INBOX",
                    "CREATE x", "DELETE x", "RENAME x y", "SUBSCRIBE x", "UNSUBSCRIBE x", "LIST \"\" *",
                    "LSUB \"\" *", "STATUS INBOX (MESSAGES)", "APPEND INBOX {1+}\r\nx"),
            Validity.SELECTED, List.of("CHECK", "CLOSE", "UNSELECT", "EXPUNGE", "UID EXPUNGE 1", "SEARCH ALL",
                    "FETCH 1 FLAGS", "STORE 1 FLAGS ()", "COPY 1 x", "MOVE 1 x", "SORT (DATE) UTF-8 ALL",
                    "THREAD REFS UTF-8 ALL"));

    private static final MailboxSnapshot EMPTY = new MailboxSnapshot(new MailboxInfo("inbox", "INBOX", Optional.empty(),
            true, 1, 1, 1, 0, 0), "h", List.of());

    private final List<Response> sent = new ArrayList<>();

    @Test
    void everyCommandIsRefusedWithBadOutsideTheStatesItDeclares() {
        UserMail mail = failing(name -> new IllegalStateException("must not be called"), Map.of("snapshot", EMPTY));
        List<SessionState> states = List.of(new io.quire.mail.imap.session.NotAuthenticated(),
                new Authenticated(mail), new Selected(mail, MailboxView.open(EMPTY, MailboxName.INBOX, false)));
        for (var entry : COMMANDS.entrySet()) {
            for (String command : entry.getValue()) {
                for (SessionState state : states) {
                    if (entry.getKey().allows(state)) {
                        continue;
                    }
                    Outcome o = run(command, state, mail);
                    Outcome.Done d = assertInstanceOf(Outcome.Done.class, o, command + " in " + state);
                    assertEquals(ResponseStatus.BAD, d.status(), command + " in " + state);
                    assertTrue(d.text().contains("is not valid in the"), d.text());
                }
            }
        }
    }

    @Test
    void storeFailuresBecomeTaggedNoWithTheirCodes() {
        Map<MailStoreException.Kind, ResponseCode> codes = Map.of(
                MailStoreException.Kind.NO_SUCH_MAILBOX, ResponseCode.Plain.NONEXISTENT,
                MailStoreException.Kind.ALREADY_EXISTS, ResponseCode.Plain.ALREADYEXISTS,
                MailStoreException.Kind.INVALID_NAME, ResponseCode.Plain.CANNOT,
                MailStoreException.Kind.NOT_ALLOWED, ResponseCode.Plain.NOPERM,
                MailStoreException.Kind.NO_SUCH_USER, ResponseCode.Plain.AUTHENTICATIONFAILED,
                MailStoreException.Kind.QUOTA, ResponseCode.Plain.OVERQUOTA,
                MailStoreException.Kind.UNAVAILABLE, ResponseCode.Plain.UNAVAILABLE);
        for (var e : codes.entrySet()) {
            UserMail mail = failing(name -> new MailStoreException(e.getKey(), "internal detail /var/lib/x"), Map.of());
            Outcome.Done d = assertInstanceOf(Outcome.Done.class, run("LIST \"\" *", new Authenticated(mail), mail));
            assertEquals(ResponseStatus.NO, d.status());
            assertEquals(Optional.of(e.getValue()), d.code(), e.getKey().toString());
            assertTrue(!d.text().contains("/var/lib"), "store details stay on the server: " + d.text());
        }
    }

    @Test
    void aBugIsServerbugAndTheSessionGoesOn() {
        UserMail mail = failing(name -> new NullPointerException("secret internals"), Map.of());
        Outcome.Done d = assertInstanceOf(Outcome.Done.class, run("LIST \"\" *", new Authenticated(mail), mail));
        assertEquals(Optional.of(ResponseCode.Plain.SERVERBUG), d.code());
        assertEquals(Texts.SERVER_BUG, d.text());
    }

    @Test
    void aSelectedMailboxThatVanishedEndsTheSessionWithBye() {
        UserMail mail = failing(name -> new MailStoreException(MailStoreException.Kind.NO_SUCH_MAILBOX, "gone"),
                Map.of("mailboxes", List.of()));
        Selected selected = new Selected(mail, MailboxView.open(EMPTY, MailboxName.INBOX, false));
        assertEquals(new Outcome.Bye(Texts.MAILBOX_GONE), run("NOOP", selected, mail));
    }

    private Outcome run(String line, SessionState state, UserMail mail) {
        ImapSession session = new ImapSession("192.0.2.1", false);
        session.state(state);
        Services services = new Services(store(mail), new HandlerConfig("test", false, true,
                ReceiverConfig.LiteralMode.LITERAL_PLUS, 1000), LoginThrottle.defaults(Clock.systemUTC()),
                new UserConnections(5), new BodyCache(1000), Clock.systemUTC());
        ParsedCommand parsed = (ParsedCommand) CommandParser.parse(request("a1 " + line + "\r\n"));
        return new Dispatcher(services).execute(parsed, session, sent::add);
    }

    private static Request request(String text) {
        ImapReceiver receiver = new ImapReceiver();
        receiver.feed(text.getBytes(StandardCharsets.UTF_8));
        while (true) {
            ReceiverEvent e = receiver.next();
            if (e instanceof Request r) {
                return r;
            }
        }
    }

    /** A user whose store calls throw what {@code failure} makes, except those {@code answers} answers. */
    private static UserMail failing(Function<String, RuntimeException> failure, Map<String, Object> answers) {
        return (UserMail) Proxy.newProxyInstance(UserMail.class.getClassLoader(), new Class<?>[] {UserMail.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "user" -> "alice@example.org";
                    case "toString" -> "failing";
                    case "hashCode" -> 1;
                    case "equals" -> proxy == args[0];
                    default -> {
                        if (answers.containsKey(method.getName())) {
                            yield answers.get(method.getName());
                        }
                        throw failure.apply(method.getName());
                    }
                });
    }

    private static MailStore store(UserMail mail) {
        return new MailStore() {
            @Override
            public Optional<UserMail> user(String userName) {
                return Optional.of(mail);
            }

            @Override
            public Optional<String> authenticate(String userName, String password) {
                return Optional.empty();
            }

            @Override
            public Optional<String> resolveAddress(String address) {
                return Optional.empty();
            }

            @Override
            public void close() {
            }
        };
    }
}
