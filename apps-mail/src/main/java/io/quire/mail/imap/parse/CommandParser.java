package io.quire.mail.imap.parse;

import io.quire.mail.imap.protocol.ProtocolException;
import io.quire.mail.imap.protocol.Request;
import java.util.Locale;

/**
 * Turns a framed {@link Request} into a typed {@link Command}, or into the {@link ParseError} to answer.
 *
 * <p>This is the codec's single error boundary (style guide §4.6): every parser signals bad input with
 * {@link ProtocolException}, and {@link #parse(Request, ParseOptions)} alone turns that into a value. Which
 * commands are allowed in which session state is not decided here; that belongs to the session.
 */
public final class CommandParser {
    private CommandParser() {
    }

    /** Parses with {@link ParseOptions#DEFAULT}. */
    public static ParseOutcome parse(Request request) {
        return parse(request, ParseOptions.DEFAULT);
    }

    /** Parses a request under the session's options; never throws on client input. */
    public static ParseOutcome parse(Request request, ParseOptions options) {
        try {
            Arguments args = new Arguments(request.args(), options);
            return new ParsedCommand(request.tag(), dispatch(request.command(), args));
        } catch (ProtocolException e) {
            return new ParseError(request.tag(), e.status(), e.code(), e.getMessage());
        }
    }

    private static Command dispatch(String name, Arguments args) {
        return switch (name) {
            case "CAPABILITY" -> none(args, new Capability());
            case "NOOP" -> none(args, new Noop());
            case "LOGOUT" -> none(args, new Logout());
            case "STARTTLS" -> none(args, new Starttls());
            case "AUTHENTICATE" -> AuthenticateParser.parse(args);
            case "LOGIN" -> LoginParser.parse(args);
            case "ENABLE" -> EnableParser.parse(args);
            case "ID" -> IdParser.parse(args);
            case "IDLE" -> none(args, new Idle());
            case "NAMESPACE" -> none(args, new Namespace());
            case "SELECT" -> SelectParser.select(args);
            case "EXAMINE" -> SelectParser.examine(args);
            case "CREATE" -> CreateParser.parse(args);
            case "DELETE" -> DeleteParser.parse(args);
            case "RENAME" -> RenameParser.parse(args);
            case "SUBSCRIBE" -> SubscribeParser.parse(args);
            case "UNSUBSCRIBE" -> UnsubscribeParser.parse(args);
            case "LIST" -> ListParser.parse(args);
            case "LSUB" -> ListParser.lsub(args);
            case "STATUS" -> StatusParser.parse(args);
            case "APPEND" -> AppendParser.parse(args);
            case "CHECK" -> none(args, new Check());
            case "CLOSE" -> none(args, new Close());
            case "UNSELECT" -> none(args, new Unselect());
            case "EXPUNGE" -> ExpungeParser.parse(args, false);
            case "UID" -> uid(args);
            default -> withOptionalUid(name, args, false);
        };
    }

    /** {@code UID SP (copy / move / fetch / search / store / uid-expunge / sort / thread)}. */
    private static Command uid(Arguments args) {
        String sub = args.atom("command after UID").toUpperCase(Locale.ROOT);
        if (sub.equals("EXPUNGE")) {
            return ExpungeParser.parse(args, true);
        }
        return withOptionalUid(sub, args, true);
    }

    private static Command withOptionalUid(String name, Arguments args, boolean uid) {
        return switch (name) {
            case "FETCH" -> FetchParser.parse(args, uid);
            case "STORE" -> StoreParser.parse(args, uid);
            case "COPY" -> CopyParser.parse(args, uid);
            case "MOVE" -> MoveParser.parse(args, uid);
            case "SEARCH" -> SearchParser.parse(args, uid);
            case "SORT" -> SortParser.parse(args, uid);
            case "THREAD" -> ThreadParser.parse(args, uid);
            default -> throw ProtocolException.bad(uid
                    ? "UID cannot be used with " + Arguments.abbreviate(name)
                    : "Unknown command " + Arguments.abbreviate(name));
        };
    }

    private static Command none(Arguments args, Command command) {
        args.end();
        return command;
    }
}
