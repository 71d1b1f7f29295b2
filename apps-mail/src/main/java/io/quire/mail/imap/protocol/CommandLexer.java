package io.quire.mail.imap.protocol;

import java.util.Optional;

/**
 * The per-octet state machine of a command line (RFC 9051 §2.2.1 and §9): tag, command name, atoms,
 * quoted strings, parentheses and literal announcements. {@link ImapReceiver} feeds it one octet at a time
 * and, after each step, asks {@link #next()} whether to keep lexing, read literal data, or skip.
 */
final class CommandLexer {
    private static final int MAX_COMMAND_LENGTH = 32;
    private static final int MAX_LITERAL_DIGITS = 18;

    /** What the receiver must do after a step. */
    enum Next {
        /** Feed the next octet to {@link #step}. */
        LEX,
        /** Read {@link #literalSize()} octets of literal data, then call {@link #literalDone}. */
        READ_LITERAL,
        /** Drop {@link #literalSize()} octets of a refused non-synchronizing literal, then skip the line. */
        SKIP_LITERAL,
        /** Drop the rest of the line (an error was reported), then call {@link #resume()}. */
        SKIP_LINE
    }

    private enum State {
        LINE_START, EMPTY_LINE_CR, TAG, COMMAND, ARGS, ATOM, AFTER_STRING, QUOTED, QUOTED_ESCAPE,
        LITERAL_SIZE, LITERAL_CLOSE, LITERAL_CR, LITERAL_LF, LINE_CR
    }

    private final ReceiverConfig config;
    private final CommandBuilder cmd = new CommandBuilder();
    private State state = State.LINE_START;
    private Next next = Next.LEX;
    private long literalSize;
    private int literalDigits;
    private boolean literalNonSync;
    private boolean literalBinary;

    CommandLexer(ReceiverConfig config) {
        this.config = config;
    }

    Next next() {
        return next;
    }

    long literalSize() {
        return literalSize;
    }

    boolean literalBinary() {
        return literalBinary;
    }

    /** Whether no command is partly received. */
    boolean atLineStart() {
        return state == State.LINE_START && next == Next.LEX;
    }

    /** Adds the literal data just read and continues after it. */
    void literalDone(byte[] data) {
        cmd.literal(data, literalBinary);
        state = State.AFTER_STRING;
        next = Next.LEX;
    }

    /** Continues with the next command after a skipped line. */
    void resume() {
        state = State.LINE_START;
        next = Next.LEX;
    }

    /** Consumes one octet; returns an event, or null when there is none yet. */
    ReceiverEvent step(int b) {
        if (b != '\n') {
            cmd.lineBytes++;
            if (cmd.lineBytes > config.maxLineBytes()) {
                return tooBig(b, TooBig.Kind.LINE, config.maxLineBytes(), "Line exceeds " + config.maxLineBytes() + " octets");
            }
            if (cmd.requestBytes + cmd.lineBytes > config.maxRequestBytes()) {
                return tooBig(b, TooBig.Kind.REQUEST, config.maxRequestBytes(),
                        "Command exceeds " + config.maxRequestBytes() + " octets");
            }
        }
        return switch (state) {
            case LINE_START -> lineStart(b);
            case EMPTY_LINE_CR -> b == '\n' ? endOfEmptyLine() : bad(b, "CR not followed by LF");
            case TAG -> tag(b);
            case COMMAND -> command(b);
            case ARGS -> arguments(b);
            case ATOM -> atom(b);
            case AFTER_STRING -> b == ' ' || b == ')' || b == '\r' || b == '\n'
                    ? arguments(b) : bad(b, "Missing space after a string");
            case QUOTED -> quoted(b);
            case QUOTED_ESCAPE -> quotedEscape(b);
            case LITERAL_SIZE -> literalSize(b);
            case LITERAL_CLOSE -> b == '}' ? to(State.LITERAL_CR) : bad(b, "Invalid literal size");
            case LITERAL_CR -> b == '\r' ? to(State.LITERAL_LF)
                    : b == '\n' ? announceLiteral() : bad(b, "Literal size must be followed by CRLF");
            case LITERAL_LF -> b == '\n' ? announceLiteral() : bad(b, "CR not followed by LF");
            case LINE_CR -> b == '\n' ? endOfLine() : bad(b, "CR not followed by LF");
        };
    }

    private ReceiverEvent lineStart(int b) {
        if (b == '\r') {
            return to(State.EMPTY_LINE_CR);
        }
        if (b == '\n') {
            return endOfEmptyLine();
        }
        if (ImapChars.isTagChar(b)) {
            cmd.word().add(b);
            return to(State.TAG);
        }
        return bad(b, b == ' ' ? "Missing tag" : "Invalid character in tag");
    }

    /** Empty lines between commands are ignored, as most servers do for people typing into telnet. */
    private ReceiverEvent endOfEmptyLine() {
        cmd.lineBytes = 0;
        return to(State.LINE_START);
    }

    private ReceiverEvent tag(int b) {
        if (ImapChars.isTagChar(b)) {
            if (cmd.word().length() >= Tag.MAX_LENGTH) {
                return bad(b, "Tag longer than " + Tag.MAX_LENGTH + " characters");
            }
            cmd.word().add(b);
            return null;
        }
        if (b == ' ' || b == '\r' || b == '\n') {
            cmd.tagFromWord();
            return b == ' ' ? to(State.COMMAND) : bad(b, "Missing command");
        }
        return bad(b, "Invalid character in tag");
    }

    private ReceiverEvent command(int b) {
        if (b < 0x80 && (Character.isLetterOrDigit(b) || b == '-' || b == '_' || b == '.')) {
            if (cmd.word().length() >= MAX_COMMAND_LENGTH) {
                return bad(b, "Command name too long");
            }
            cmd.word().add(Character.toUpperCase(b));
            return null;
        }
        if (b != ' ' && b != '\r' && b != '\n') {
            return bad(b, "Invalid character in command name");
        }
        if (cmd.word().length() == 0) {
            return bad(b, "Missing command");
        }
        cmd.commandFromWord();
        return switch (b) {
            case ' ' -> to(State.ARGS);
            case '\r' -> to(State.LINE_CR);
            default -> endOfLine();
        };
    }

    private ReceiverEvent arguments(int b) {
        switch (b) {
            case ' ' -> state = State.ARGS;
            case '(' -> {
                if (!cmd.openGroup()) {
                    return bad(b, "Parentheses nested too deeply");
                }
                state = State.ARGS;
            }
            case ')' -> {
                if (!cmd.closeGroup()) {
                    return bad(b, "Unbalanced ')'");
                }
                state = State.ARGS;
            }
            case '"' -> state = State.QUOTED;
            case '{' -> startLiteral(false);
            case '\r' -> state = State.LINE_CR;
            case '\n' -> {
                return endOfLine();
            }
            default -> {
                if (!ImapChars.isTokenAtomByte(b)) {
                    return bad(b, ImapChars.describeInvalid(b));
                }
                cmd.word().add(b);
                state = State.ATOM;
            }
        }
        return null;
    }

    private ReceiverEvent atom(int b) {
        ByteSink word = cmd.word();
        if (ImapChars.isTokenAtomByte(b)) {
            word.add(b);
            return null;
        }
        if (b == '{' && word.length() == 1 && word.byteAt(0) == '~') {
            word.clear();
            startLiteral(true);
            return null;
        }
        if (b == ' ' || b == '(' || b == ')' || b == '\r' || b == '\n') {
            cmd.atomFromWord();
            return arguments(b);
        }
        return bad(b, switch (b) {
            case '{' -> "Unexpected '{' inside an atom";
            case '"' -> "Unexpected '\"' inside an atom";
            default -> ImapChars.describeInvalid(b);
        });
    }

    private ReceiverEvent quoted(int b) {
        switch (b) {
            case '"' -> {
                cmd.quotedFromWord();
                state = State.AFTER_STRING;
            }
            case '\\' -> state = State.QUOTED_ESCAPE;
            case '\r', '\n' -> {
                return bad(b, "Unterminated quoted string");
            }
            case 0 -> {
                return bad(b, "NUL octet in a quoted string");
            }
            default -> cmd.word().add(b);
        }
        return null;
    }

    /** RFC 3501 §9: inside a quoted string only {@code \"} and {@code \\} are escapes. */
    private ReceiverEvent quotedEscape(int b) {
        if (b != '"' && b != '\\') {
            return bad(b, "Invalid escape in a quoted string");
        }
        cmd.word().add(b);
        return to(State.QUOTED);
    }

    private void startLiteral(boolean binary) {
        literalBinary = binary;
        literalNonSync = false;
        literalSize = 0;
        literalDigits = 0;
        state = State.LITERAL_SIZE;
    }

    private ReceiverEvent literalSize(int b) {
        if (b >= '0' && b <= '9') {
            if (++literalDigits > MAX_LITERAL_DIGITS) {
                return bad(b, "Literal size too large");
            }
            literalSize = literalSize * 10 + (b - '0');
            return null;
        }
        if (literalDigits == 0) {
            return bad(b, "Missing literal size");
        }
        if (b == '+') {
            literalNonSync = true;
            return to(State.LITERAL_CLOSE);
        }
        return b == '}' ? to(State.LITERAL_CR) : bad(b, "Invalid literal size");
    }

    private ReceiverEvent announceLiteral() {
        cmd.endSegment();
        Tag tag = cmd.requireTag();
        Optional<ReceiverEvent> refusal = LiteralPolicy.refusal(config, tag, cmd.command(), literalSize, literalNonSync,
                cmd.requestBytes);
        if (refusal.isPresent()) {
            // A client sends non-synchronizing literal data regardless of our answer, so it is read and
            // dropped; for a synchronizing literal it waits for a continuation that never comes.
            cmd.reset();
            state = State.LINE_START;
            next = literalNonSync ? Next.SKIP_LITERAL : Next.LEX;
            return refusal.get();
        }
        next = Next.READ_LITERAL;
        return new NeedLiteral(tag, cmd.command(), literalSize, literalNonSync, literalBinary);
    }

    private ReceiverEvent endOfLine() {
        if (cmd.hasOpenGroup()) {
            return bad('\n', "Unbalanced '('");
        }
        state = State.LINE_START;
        return cmd.request();
    }

    private ReceiverEvent bad(int b, String message) {
        Bad event = new Bad(cmd.tag(), message);
        abandonLine(b);
        return event;
    }

    private ReceiverEvent tooBig(int b, TooBig.Kind kind, long limit, String message) {
        TooBig event = new TooBig(cmd.tag(), kind, limit, message);
        abandonLine(b);
        return event;
    }

    /** Drops the command; the rest of the line is skipped unless the error was at its end. */
    private void abandonLine(int b) {
        cmd.reset();
        state = State.LINE_START;
        next = b == '\n' ? Next.LEX : Next.SKIP_LINE;
    }

    private ReceiverEvent to(State next) {
        state = next;
        return null;
    }
}
