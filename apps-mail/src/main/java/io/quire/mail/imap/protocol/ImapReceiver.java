package io.quire.mail.imap.protocol;

import io.vertx.core.buffer.Buffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Turns client bytes, in any chunking, into framed commands: a sans-IO state machine in the manner of
 * Stalwart's {@code imap-proto/src/receiver.rs}.
 *
 * <p>Use: {@link #feed} whatever the socket delivered, then call {@link #next()} until it returns
 * {@link NeedMore}. Processing is lazy: bytes are consumed only by {@code next()}, so after a
 * {@code STARTTLS} request the session can drop what the client pipelined in plaintext
 * ({@link #discardBuffered()}), and after {@code AUTHENTICATE} or {@code IDLE} it can switch to raw lines
 * ({@link #expectContinuationLine()}) before the next line is tokenised.
 *
 * <p>It never throws on client input: malformed lines yield {@link Bad}, oversized ones {@link TooBig},
 * after which it skips to the next command, still honouring non-synchronizing literals on the skipped
 * line so it resynchronises on a real command boundary (RFC 7888).
 *
 * <p>Why not Vert.x {@code RecordParser}: its {@code maxRecordSize} is checked against everything buffered,
 * including later pipelined commands while the parser is paused for lazy pulling, and it throws without
 * resetting. The two modes are kept, though: line mode (the states below) and fixed-size mode
 * ({@code LITERAL_DATA}).
 *
 * <p>Not thread-safe; one per connection.
 */
public final class ImapReceiver {
    private static final int MAX_NESTING = 64;
    private static final int MAX_COMMAND_LENGTH = 32;
    private static final int MAX_LITERAL_DIGITS = 18;

    private enum State {
        LINE_START, EMPTY_LINE_CR, TAG, COMMAND, ARGS, ATOM, AFTER_STRING, QUOTED, QUOTED_ESCAPE,
        LITERAL_SIZE, LITERAL_CLOSE, LITERAL_CR, LITERAL_LF, LITERAL_DATA, LINE_CR,
        SKIP_LINE, SKIP_LITERAL, SKIP_RAW, RAW_LINE
    }

    private final ReceiverConfig config;
    private final InputQueue input = new InputQueue();
    private final ByteSink word = new ByteSink();
    private final SkippedLineTail tail = new SkippedLineTail();
    private final ArrayDeque<List<Token>> outer = new ArrayDeque<>();
    private State state = State.LINE_START;

    private Tag tag;
    private String command;
    private List<Token> current = new ArrayList<>();
    private long lineBytes;
    private long requestBytes;

    private long literalSize;
    private int literalDigits;
    private boolean literalNonSync;
    private boolean literalBinary;
    private ByteSink literal;
    private long skipRemaining;

    /** A receiver with {@link ReceiverConfig#DEFAULT}. */
    public ImapReceiver() {
        this(ReceiverConfig.DEFAULT);
    }

    /** A receiver with the given limits. */
    public ImapReceiver(ReceiverConfig config) {
        this.config = config;
    }

    /** Appends received bytes (copied). */
    public void feed(byte[] bytes) {
        feed(bytes, 0, bytes.length);
    }

    /** Appends {@code length} received bytes from {@code offset} (copied). */
    public void feed(byte[] bytes, int offset, int length) {
        input.add(bytes, offset, length);
    }

    /** Appends a received Vert.x buffer (copied). */
    public void feed(Buffer buffer) {
        feed(buffer.getBytes());
    }

    /** Bytes fed but not yet consumed by {@link #next()}. */
    public long bufferedBytes() {
        return input.available();
    }

    /**
     * Drops the unconsumed input, e.g. plaintext pipelined after {@code STARTTLS} (the command injection of
     * CVE-2011-0411).
     */
    public void discardBuffered() {
        input.clear();
    }

    /** Whether the receiver sits between commands, i.e. no command is partly received. */
    public boolean isBetweenCommands() {
        return state == State.LINE_START;
    }

    /**
     * Makes the next event a {@link ContinuationLine}: the raw line after a continuation request of
     * AUTHENTICATE or IDLE. Afterwards the receiver returns to command mode by itself.
     *
     * @throws IllegalStateException if a command is partly received (a session bug)
     */
    public void expectContinuationLine() {
        if (state != State.LINE_START) {
            throw new IllegalStateException("continuation line requested in the middle of a command");
        }
        state = State.RAW_LINE;
    }

    /** Consumes buffered input up to the next event, or returns {@link NeedMore#INSTANCE}. */
    public ReceiverEvent next() {
        while (true) {
            if (state == State.LITERAL_DATA) {
                long missing = literalSize - literal.length();
                if (missing > 0) {
                    if (input.drainTo(literal, missing) == 0) {
                        return NeedMore.INSTANCE;
                    }
                    continue;
                }
                current.add(new Token.Str(literal.toArray(),
                        literalBinary ? Token.Str.Form.LITERAL8 : Token.Str.Form.LITERAL));
                requestBytes += literalSize;
                literal = null;
                state = State.AFTER_STRING;
                continue;
            }
            if (state == State.SKIP_LITERAL) {
                skipRemaining -= input.skip(skipRemaining);
                if (skipRemaining > 0) {
                    return NeedMore.INSTANCE;
                }
                tail.clear();
                state = State.SKIP_LINE;
                continue;
            }
            int b = input.read();
            if (b < 0) {
                return NeedMore.INSTANCE;
            }
            ReceiverEvent event = step(b);
            if (event != null) {
                return event;
            }
        }
    }

    private ReceiverEvent step(int b) {
        if (b != '\n' && countsTowardsLine()) {
            lineBytes++;
            if (lineBytes > config.maxLineBytes()) {
                return tooBig(b, TooBig.Kind.LINE, config.maxLineBytes(),
                        "Line exceeds " + config.maxLineBytes() + " octets");
            }
            if (requestBytes + lineBytes > config.maxRequestBytes()) {
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
            case SKIP_LINE -> skipLine(b);
            case SKIP_RAW -> b == '\n' ? to(State.LINE_START) : null;
            case RAW_LINE -> rawLine(b);
            case LITERAL_DATA, SKIP_LITERAL -> throw new IllegalStateException("handled in next()");
        };
    }

    private boolean countsTowardsLine() {
        return state != State.SKIP_LINE && state != State.SKIP_RAW;
    }

    private ReceiverEvent lineStart(int b) {
        if (b == '\r') {
            return to(State.EMPTY_LINE_CR);
        }
        if (b == '\n') {
            return endOfEmptyLine();
        }
        if (ImapChars.isTagChar(b)) {
            word.add(b);
            return to(State.TAG);
        }
        return bad(b, b == ' ' ? "Missing tag" : "Invalid character in tag");
    }

    /** Empty lines between commands are ignored, as most servers do for people typing into telnet. */
    private ReceiverEvent endOfEmptyLine() {
        lineBytes = 0;
        return to(State.LINE_START);
    }

    private ReceiverEvent tag(int b) {
        if (ImapChars.isTagChar(b)) {
            if (word.length() >= Tag.MAX_LENGTH) {
                return bad(b, "Tag longer than " + Tag.MAX_LENGTH + " characters");
            }
            word.add(b);
            return null;
        }
        if (b == ' ' || b == '\r' || b == '\n') {
            tag = new Tag(word.ascii());
            word.clear();
            return b == ' ' ? to(State.COMMAND) : bad(b, "Missing command");
        }
        return bad(b, "Invalid character in tag");
    }

    private ReceiverEvent command(int b) {
        if (b < 0x80 && (Character.isLetterOrDigit(b) || b == '-' || b == '_' || b == '.')) {
            if (word.length() >= MAX_COMMAND_LENGTH) {
                return bad(b, "Command name too long");
            }
            word.add(Character.toUpperCase(b));
            return null;
        }
        if (b != ' ' && b != '\r' && b != '\n') {
            return bad(b, "Invalid character in command name");
        }
        if (word.length() == 0) {
            return bad(b, "Missing command");
        }
        command = word.ascii();
        word.clear();
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
                if (outer.size() >= MAX_NESTING) {
                    return bad(b, "Parentheses nested too deeply");
                }
                outer.push(current);
                current = new ArrayList<>();
                state = State.ARGS;
            }
            case ')' -> {
                if (outer.isEmpty()) {
                    return bad(b, "Unbalanced ')'");
                }
                Token.Group group = new Token.Group(current);
                current = outer.pop();
                current.add(group);
                state = State.ARGS;
            }
            case '"' -> state = State.QUOTED;
            case '{' -> startLiteral(false);
            case '\r' -> state = State.LINE_CR;
            case '\n' -> {
                return endOfLine();
            }
            default -> {
                if (!isAtomByte(b)) {
                    return bad(b, invalidOctet(b));
                }
                word.add(b);
                state = State.ATOM;
            }
        }
        return null;
    }

    private ReceiverEvent atom(int b) {
        if (isAtomByte(b)) {
            word.add(b);
            return null;
        }
        if (b == '{' && word.length() == 1 && word.byteAt(0) == '~') {
            word.clear();
            startLiteral(true);
            return null;
        }
        if (b == ' ' || b == '(' || b == ')' || b == '\r' || b == '\n') {
            current.add(new Token.Atom(word.ascii()));
            word.clear();
            return arguments(b);
        }
        return bad(b, switch (b) {
            case '{' -> "Unexpected '{' inside an atom";
            case '"' -> "Unexpected '\"' inside an atom";
            default -> invalidOctet(b);
        });
    }

    private ReceiverEvent quoted(int b) {
        switch (b) {
            case '"' -> {
                current.add(new Token.Str(word.toArray(), Token.Str.Form.QUOTED));
                word.clear();
                state = State.AFTER_STRING;
            }
            case '\\' -> state = State.QUOTED_ESCAPE;
            case '\r', '\n' -> {
                return bad(b, "Unterminated quoted string");
            }
            case 0 -> {
                return bad(b, "NUL octet in a quoted string");
            }
            default -> word.add(b);
        }
        return null;
    }

    /** RFC 3501 §9: inside a quoted string only {@code \"} and {@code \\} are escapes. */
    private ReceiverEvent quotedEscape(int b) {
        if (b != '"' && b != '\\') {
            return bad(b, "Invalid escape in a quoted string");
        }
        word.add(b);
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
        requestBytes += lineBytes;
        lineBytes = 0;
        long size = literalSize;
        if (literalNonSync && config.literalMode() == ReceiverConfig.LiteralMode.SYNC_ONLY) {
            Bad event = new Bad(Optional.of(tag), "Non-synchronizing literals are not supported");
            skipAfterRejectedLiteral(size, true);
            return event;
        }
        if (literalNonSync && config.literalMode() == ReceiverConfig.LiteralMode.LITERAL_MINUS
                && size > ReceiverConfig.LITERAL_MINUS_MAX) {
            return literalTooBig(ReceiverConfig.LITERAL_MINUS_MAX,
                    "Non-synchronizing literal exceeds " + ReceiverConfig.LITERAL_MINUS_MAX + " octets (LITERAL-)");
        }
        long limit = config.literalLimitFor(command);
        if (size > limit) {
            return literalTooBig(limit, "Literal exceeds " + limit + " octets");
        }
        if (requestBytes + size > config.maxRequestBytes()) {
            TooBig event = new TooBig(Optional.of(tag), TooBig.Kind.REQUEST, config.maxRequestBytes(),
                    "Command exceeds " + config.maxRequestBytes() + " octets");
            skipAfterRejectedLiteral(size, literalNonSync);
            return event;
        }
        literal = new ByteSink(size);
        state = State.LITERAL_DATA;
        return new NeedLiteral(tag, command, size, literalNonSync, literalBinary);
    }

    private ReceiverEvent literalTooBig(long limit, String message) {
        TooBig event = new TooBig(Optional.of(tag), TooBig.Kind.LITERAL, limit, message);
        skipAfterRejectedLiteral(literalSize, literalNonSync);
        return event;
    }

    /**
     * A client sends non-synchronizing literal data regardless of our answer, so it is read and dropped; for
     * a synchronizing literal the client waits for a continuation that never comes, so the command ends here.
     */
    private void skipAfterRejectedLiteral(long size, boolean nonSync) {
        resetCommand();
        if (nonSync) {
            skipRemaining = size;
            state = State.SKIP_LITERAL;
        } else {
            state = State.LINE_START;
        }
    }

    private ReceiverEvent endOfLine() {
        if (!outer.isEmpty()) {
            return bad('\n', "Unbalanced '('");
        }
        Request request = new Request(tag, command, current);
        resetCommand();
        state = State.LINE_START;
        return request;
    }

    private ReceiverEvent skipLine(int b) {
        if (b != '\n') {
            tail.add(b);
            return null;
        }
        long nonSyncSize = tail.nonSyncLiteralSize();
        tail.clear();
        if (nonSyncSize >= 0) {
            skipRemaining = nonSyncSize;
            state = State.SKIP_LITERAL;
        } else {
            state = State.LINE_START;
        }
        return null;
    }

    private ReceiverEvent rawLine(int b) {
        if (b != '\n') {
            word.add(b);
            return null;
        }
        byte[] line = word.toArray();
        int n = line.length > 0 && line[line.length - 1] == '\r' ? line.length - 1 : line.length;
        byte[] text = n == line.length ? line : Arrays.copyOf(line, n);
        resetCommand();
        state = State.LINE_START;
        return new ContinuationLine(text);
    }

    private ReceiverEvent bad(int b, String message) {
        Bad event = new Bad(Optional.ofNullable(tag), message);
        abandonLine(b);
        return event;
    }

    private ReceiverEvent tooBig(int b, TooBig.Kind kind, long limit, String message) {
        TooBig event = new TooBig(Optional.ofNullable(tag), kind, limit, message);
        boolean raw = state == State.RAW_LINE;
        abandonLine(b);
        if (raw && state == State.SKIP_LINE) {
            state = State.SKIP_RAW;
        }
        return event;
    }

    private void abandonLine(int b) {
        resetCommand();
        tail.clear();
        state = b == '\n' ? State.LINE_START : State.SKIP_LINE;
    }

    private void resetCommand() {
        tag = null;
        command = null;
        outer.clear();
        current = new ArrayList<>();
        word.clear();
        lineBytes = 0;
        requestBytes = 0;
        literal = null;
    }

    private ReceiverEvent to(State next) {
        state = next;
        return null;
    }

    /** Token atoms are wider than RFC atoms: the parsers check each argument's own grammar. */
    private static boolean isAtomByte(int b) {
        return b > 0x20 && b < 0x7f && b != '(' && b != ')' && b != '"' && b != '{';
    }

    private static String invalidOctet(int b) {
        if (b == 0) {
            return "NUL octet in a command line";
        }
        if (b >= 0x80) {
            return "8-bit octet outside a quoted string or literal";
        }
        return "Control character 0x" + Integer.toHexString(b) + " in a command line";
    }
}
