package io.quire.mail.imap.protocol;

import io.vertx.core.buffer.Buffer;
import java.util.Arrays;
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
    private enum Mode { LEX, LITERAL_DATA, SKIP_LITERAL, SKIP_LINE, SKIP_RAW, RAW_LINE }

    private final ReceiverConfig config;
    private final InputQueue input = new InputQueue();
    private final CommandLexer lexer;
    private final SkippedLineTail tail = new SkippedLineTail();
    private Mode mode = Mode.LEX;
    private ByteSink literal;
    private ByteSink rawLine;
    private long skipRemaining;

    /** A receiver with {@link ReceiverConfig#DEFAULT}. */
    public ImapReceiver() {
        this(ReceiverConfig.DEFAULT);
    }

    /** A receiver with the given limits. */
    public ImapReceiver(ReceiverConfig config) {
        this.config = config;
        this.lexer = new CommandLexer(config);
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
        return mode == Mode.LEX && lexer.atLineStart();
    }

    /**
     * Makes the next event a {@link ContinuationLine}: the raw line after a continuation request of
     * AUTHENTICATE or IDLE. Afterwards the receiver returns to command mode by itself.
     *
     * @throws IllegalStateException if a command is partly received (a session bug)
     */
    public void expectContinuationLine() {
        if (!isBetweenCommands()) {
            throw new IllegalStateException("continuation line requested in the middle of a command");
        }
        rawLine = new ByteSink();
        mode = Mode.RAW_LINE;
    }

    /** Consumes buffered input up to the next event, or returns {@link NeedMore#INSTANCE}. */
    public ReceiverEvent next() {
        while (true) {
            switch (mode) {
                case LITERAL_DATA -> {
                    long missing = lexer.literalSize() - literal.length();
                    if (missing > 0 && input.drainTo(literal, missing) == 0) {
                        return NeedMore.INSTANCE;
                    }
                    if (literal.length() == lexer.literalSize()) {
                        lexer.literalDone(literal.toArray());
                        literal = null;
                        mode = Mode.LEX;
                    }
                }
                case SKIP_LITERAL -> {
                    skipRemaining -= input.skip(skipRemaining);
                    if (skipRemaining > 0) {
                        return NeedMore.INSTANCE;
                    }
                    tail.clear();
                    mode = Mode.SKIP_LINE;
                }
                default -> {
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
        }
    }

    private ReceiverEvent step(int b) {
        return switch (mode) {
            case LEX -> {
                ReceiverEvent event = lexer.step(b);
                switch (lexer.next()) {
                    case LEX -> { }
                    case READ_LITERAL -> {
                        literal = new ByteSink(lexer.literalSize());
                        mode = Mode.LITERAL_DATA;
                    }
                    case SKIP_LITERAL -> startSkippingLiteral(lexer.literalSize());
                    case SKIP_LINE -> {
                        tail.clear();
                        mode = Mode.SKIP_LINE;
                    }
                }
                yield event;
            }
            case SKIP_LINE -> skipLine(b);
            case SKIP_RAW -> {
                if (b == '\n') {
                    mode = Mode.LEX;
                }
                yield null;
            }
            case RAW_LINE -> rawLine(b);
            case LITERAL_DATA, SKIP_LITERAL -> throw new IllegalStateException("handled in next()");
        };
    }

    private void startSkippingLiteral(long size) {
        skipRemaining = size;
        mode = Mode.SKIP_LITERAL;
    }

    /** Skips to the end of the line; a {@code {n+}} ending it announces data that must be skipped too. */
    private ReceiverEvent skipLine(int b) {
        if (b != '\n') {
            tail.add(b);
            return null;
        }
        long nonSyncSize = tail.nonSyncLiteralSize();
        tail.clear();
        if (nonSyncSize >= 0) {
            startSkippingLiteral(nonSyncSize);
        } else {
            lexer.resume();
            mode = Mode.LEX;
        }
        return null;
    }

    private ReceiverEvent rawLine(int b) {
        if (b != '\n') {
            if (rawLine.length() >= config.maxLineBytes()) {
                rawLine = null;
                mode = Mode.SKIP_RAW;
                return new TooBig(Optional.empty(), TooBig.Kind.LINE, config.maxLineBytes(),
                        "Line exceeds " + config.maxLineBytes() + " octets");
            }
            rawLine.add(b);
            return null;
        }
        byte[] line = rawLine.toArray();
        int n = line.length > 0 && line[line.length - 1] == '\r' ? line.length - 1 : line.length;
        rawLine = null;
        mode = Mode.LEX;
        return new ContinuationLine(n == line.length ? line : Arrays.copyOf(line, n));
    }
}
