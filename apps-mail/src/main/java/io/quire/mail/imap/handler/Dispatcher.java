package io.quire.mail.imap.handler;

import io.quire.mail.imap.parse.Append;
import io.quire.mail.imap.parse.Authenticate;
import io.quire.mail.imap.parse.Capability;
import io.quire.mail.imap.parse.Check;
import io.quire.mail.imap.parse.Close;
import io.quire.mail.imap.parse.Command;
import io.quire.mail.imap.parse.Copy;
import io.quire.mail.imap.parse.Create;
import io.quire.mail.imap.parse.Delete;
import io.quire.mail.imap.parse.Enable;
import io.quire.mail.imap.parse.Examine;
import io.quire.mail.imap.parse.Expunge;
import io.quire.mail.imap.parse.Fetch;
import io.quire.mail.imap.parse.Id;
import io.quire.mail.imap.parse.Idle;
import io.quire.mail.imap.parse.ListMailboxes;
import io.quire.mail.imap.parse.Login;
import io.quire.mail.imap.parse.Logout;
import io.quire.mail.imap.parse.Lsub;
import io.quire.mail.imap.parse.Move;
import io.quire.mail.imap.parse.Namespace;
import io.quire.mail.imap.parse.Noop;
import io.quire.mail.imap.parse.ParsedCommand;
import io.quire.mail.imap.parse.Rename;
import io.quire.mail.imap.parse.Search;
import io.quire.mail.imap.parse.Select;
import io.quire.mail.imap.parse.Sort;
import io.quire.mail.imap.parse.Starttls;
import io.quire.mail.imap.parse.Status;
import io.quire.mail.imap.parse.Store;
import io.quire.mail.imap.parse.Subscribe;
import io.quire.mail.imap.parse.ThreadMessages;
import io.quire.mail.imap.parse.UidExpunge;
import io.quire.mail.imap.parse.Unselect;
import io.quire.mail.imap.parse.Unsubscribe;
import io.quire.mail.imap.protocol.ResponseCode;
import io.quire.mail.imap.protocol.Tag;
import io.quire.mail.imap.session.Authenticated;
import io.quire.mail.imap.session.ImapSession;
import io.quire.mail.imap.session.NotAuthenticated;
import io.quire.mail.imap.session.Responder;
import io.quire.mail.imap.session.Selected;
import io.quire.mail.store.MailStoreException;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs parsed commands: checks the state each handler declares, runs it, then brings a selected session's view up
 * to date, and turns every failure into a tagged response in one place ({@link #answer}).
 *
 * <p>Called on the session's ordered worker queue, never on an event loop.
 */
public final class Dispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    private final Services services;
    private final Handlers handlers = new Handlers();

    /** A dispatcher over the shared services. */
    public Dispatcher(Services services) {
        this.services = services;
    }

    /** The shared services. */
    public Services services() {
        return services;
    }

    /** Runs one command and returns how it ends. Never throws for client input or store failures. */
    public Outcome execute(ParsedCommand parsed, ImapSession session, Responder out) {
        CommandContext ctx = new CommandContext(parsed.tag(), session, services, out);
        Outcome outcome;
        try {
            outcome = route(parsed.command(), ctx);
        } catch (RuntimeException e) {
            outcome = answer(Failure.of(e), parsed.command());
        }
        if (outcome instanceof Outcome.Done) {
            Outcome bye = sync(ctx, expungeAllowed(parsed.command()));
            if (bye != null) {
                return bye;
            }
        }
        return outcome;
    }

    /** Handles the client's response line in a SASL exchange. */
    public Outcome continueAuthentication(Tag tag, Outcome.SaslStep step, String line, ImapSession session,
                                          Responder out) {
        CommandContext ctx = new CommandContext(tag, session, services, out);
        try {
            return step.respond(line, ctx);
        } catch (RuntimeException e) {
            return answer(Failure.of(e), null);
        }
    }

    /**
     * Pushes changes to an idling client (RFC 2177: at once, expunges included); returns a BYE outcome if the
     * session must end, else null.
     */
    public Outcome idleSync(Tag tag, ImapSession session, Responder out) {
        return sync(new CommandContext(tag, session, services, out), true);
    }

    /** Ends IDLE: the line must be DONE (RFC 2177 §3). */
    public Outcome endIdle(Tag tag, boolean done, ImapSession session, Responder out) {
        Outcome bye = idleSync(tag, session, out);
        if (bye != null) {
            return bye;
        }
        return done ? Outcome.Done.ok(Texts.IDLE_DONE) : Outcome.Done.bad(Texts.IDLE_EXPECTED_DONE);
    }

    private Outcome sync(CommandContext ctx, boolean expungeAllowed) {
        try {
            SelectedSync.sync(ctx, expungeAllowed);
            return null;
        } catch (RuntimeException e) {
            Outcome o = answer(Failure.of(e), null);
            return o instanceof Outcome.Bye ? o : null;
        }
    }

    /**
     * RFC 9051 §7.5.1: no EXPUNGE while FETCH, STORE or SEARCH runs (message numbers the client just used would
     * shift); their UID forms may report them. SORT follows SEARCH.
     */
    static boolean expungeAllowed(Command command) {
        return switch (command) {
            case Fetch f -> f.uid();
            case Store s -> s.uid();
            case Search s -> s.uid();
            case Sort s -> s.uid();
            default -> true;
        };
    }

    /**
     * The one place a failure becomes a response: a tagged NO or BAD with a reason, or BYE; never a stack trace
     * (style guide §4.6). Bugs are logged with their trace and answered {@code NO [SERVERBUG]}.
     */
    final Outcome answer(Failure failure, Command command) {
        return switch (failure) {
            case Failure.Refused r -> new Outcome.Done(r.refusal().status(), r.refusal().code(),
                    r.refusal().getMessage(), Duration.ZERO);
            case Failure.Invalid i -> new Outcome.Done(i.exception().status(), i.exception().code(),
                    i.exception().getMessage(), Duration.ZERO);
            case Failure.Store s -> store(s.exception());
            case Failure.Gone g -> new Outcome.Bye(Texts.MAILBOX_GONE);
            case Failure.Disconnected d -> new Outcome.Bye(Texts.DISCONNECTED);
            case Failure.Bug b -> {
                LOG.error("IMAP command {} failed", command == null ? "continuation" : command.getClass()
                        .getSimpleName(), b.cause());
                yield Outcome.Done.no(ResponseCode.Plain.SERVERBUG, Texts.SERVER_BUG);
            }
        };
    }

    private static Outcome.Done store(MailStoreException e) {
        return switch (e.kind()) {
            case NO_SUCH_MAILBOX -> Outcome.Done.no(ResponseCode.Plain.NONEXISTENT, Texts.NO_SUCH_MAILBOX);
            case ALREADY_EXISTS -> Outcome.Done.no(ResponseCode.Plain.ALREADYEXISTS, Texts.ALREADY_EXISTS);
            case INVALID_NAME -> Outcome.Done.no(ResponseCode.Plain.CANNOT, Texts.INVALID_NAME);
            case NOT_ALLOWED -> Outcome.Done.no(ResponseCode.Plain.NOPERM, Texts.NOT_ALLOWED);
            case NO_SUCH_USER -> Outcome.Done.no(ResponseCode.Plain.AUTHENTICATIONFAILED, Texts.AUTH_FAILED);
            case QUOTA -> Outcome.Done.no(ResponseCode.Plain.OVERQUOTA, Texts.OVER_QUOTA);
            case UNAVAILABLE -> Outcome.Done.no(ResponseCode.Plain.UNAVAILABLE, Texts.UNAVAILABLE);
        };
    }

    private Outcome route(Command command, CommandContext ctx) {
        Handlers h = handlers;
        return switch (command) {
            case Capability c -> run(h.capability, c, ctx);
            case Noop c -> run(h.noop, c, ctx);
            case Logout c -> run(h.logout, c, ctx);
            case Starttls c -> run(h.starttls, c, ctx);
            case Authenticate c -> run(h.authenticate, c, ctx);
            case Login c -> run(h.login, c, ctx);
            case Enable c -> run(h.enable, c, ctx);
            case Id c -> run(h.id, c, ctx);
            case Idle c -> run(h.idle, c, ctx);
            case Namespace c -> run(h.namespace, c, ctx);
            case Select c -> run(h.select, c, ctx);
            case Examine c -> run(h.examine, c, ctx);
            case Create c -> run(h.create, c, ctx);
            case Delete c -> run(h.delete, c, ctx);
            case Rename c -> run(h.rename, c, ctx);
            case Subscribe c -> run(h.subscribe, c, ctx);
            case Unsubscribe c -> run(h.unsubscribe, c, ctx);
            case ListMailboxes c -> run(h.list, c, ctx);
            case Lsub c -> run(h.lsub, c, ctx);
            case Status c -> run(h.status, c, ctx);
            case Append c -> run(h.append, c, ctx);
            case Check c -> run(h.check, c, ctx);
            case Close c -> run(h.close, c, ctx);
            case Unselect c -> run(h.unselect, c, ctx);
            case Expunge c -> run(h.expunge, c, ctx);
            case UidExpunge c -> run(h.uidExpunge, c, ctx);
            case Search c -> run(h.search, c, ctx);
            case Fetch c -> run(h.fetch, c, ctx);
            case Store c -> run(h.store, c, ctx);
            case Copy c -> run(h.copy, c, ctx);
            case Move c -> run(h.move, c, ctx);
            case Sort c -> run(h.sort, c, ctx);
            case ThreadMessages c -> run(h.thread, c, ctx);
        };
    }

    private static <C extends Command> Outcome run(CommandHandler<C> handler, C command, CommandContext ctx) {
        if (!handler.validity().allows(ctx.session().state())) {
            return Outcome.Done.bad(Texts.notValidIn(name(command), stateName(ctx)));
        }
        return handler.handle(command, ctx);
    }

    private static String name(Command command) {
        return switch (command) {
            case ListMailboxes l -> "LIST";
            case ThreadMessages t -> "THREAD";
            case UidExpunge u -> "UID EXPUNGE";
            default -> command.getClass().getSimpleName().toUpperCase(Locale.ROOT);
        };
    }

    private static String stateName(CommandContext ctx) {
        return switch (ctx.session().state()) {
            case NotAuthenticated n -> "not authenticated";
            case Authenticated a -> "authenticated";
            case Selected s -> "selected";
        };
    }
}
