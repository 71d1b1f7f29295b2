package io.quire.mail.imap.server;

import io.quire.mail.imap.encode.ResponseWriter;
import io.quire.mail.imap.handler.Capabilities;
import io.quire.mail.imap.handler.Dispatcher;
import io.quire.mail.imap.handler.Outcome;
import io.quire.mail.imap.handler.Texts;
import io.quire.mail.imap.parse.CommandParser;
import io.quire.mail.imap.parse.ParseError;
import io.quire.mail.imap.parse.ParseOptions;
import io.quire.mail.imap.parse.ParsedCommand;
import io.quire.mail.imap.protocol.Bad;
import io.quire.mail.imap.protocol.ContinuationLine;
import io.quire.mail.imap.protocol.ImapReceiver;
import io.quire.mail.imap.protocol.NeedLiteral;
import io.quire.mail.imap.protocol.NeedMore;
import io.quire.mail.imap.protocol.ReceiverConfig;
import io.quire.mail.imap.protocol.Request;
import io.quire.mail.imap.protocol.ResponseCode;
import io.quire.mail.imap.protocol.ResponseStatus;
import io.quire.mail.imap.protocol.Tag;
import io.quire.mail.imap.protocol.TooBig;
import io.quire.mail.imap.session.ImapSession;
import io.quire.mail.imap.session.Response;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects one socket to one {@link ImapSession}: feeds the sans-IO receiver, parses on the event loop, runs
 * commands on the session's {@link SessionQueue}, writes responses, and does what only the connection can (TLS,
 * IDLE, SASL continuation lines, timeouts, closing).
 *
 * <p>Commands run one at a time: while one runs ({@code busy}), input is buffered in the receiver, not read on.
 * All fields are touched on the connection's event loop only.
 */
final class ImapConnection {
    private static final Logger LOG = LoggerFactory.getLogger(ImapConnection.class);
    /** Pause reading when this much unprocessed input is buffered (a pipelined flood, or input during a command). */
    static final long MAX_BUFFERED = 1024 * 1024;

    private final Vertx vertx;
    private final Context context;
    private final NetSocket socket;
    private final ImapOptions options;
    private final Dispatcher dispatcher;
    private final ImapSession session;
    private final ImapReceiver receiver;
    private final SessionQueue queue;
    private final SocketResponder responder;
    private final Consumer<ImapConnection> onClosed;
    private final Promise<Void> closedPromise = Promise.promise();
    private final IdlePush idle;
    private final Autologout autologout;
    private Awaiting awaiting = Awaiting.COMMAND;
    private boolean busy;
    private boolean upgrading;
    private boolean paused;
    private boolean closed;
    private int badInARow;

    ImapConnection(Vertx vertx, NetSocket socket, ImapOptions options, Dispatcher dispatcher, ImapSession session,
                   WorkerExecutor workers, Consumer<ImapConnection> onClosed) {
        this.vertx = vertx;
        this.context = vertx.getOrCreateContext();
        this.socket = socket;
        this.options = options;
        this.dispatcher = dispatcher;
        this.session = session;
        this.receiver = new ImapReceiver(options.limits().receiver());
        this.queue = new SessionQueue(context, workers);
        this.responder = new SocketResponder(context, socket, session, options.limits().idleTimeout().toNanos());
        this.onClosed = onClosed;
        this.idle = new IdlePush(vertx, queue, dispatcher, session, responder, options.limits().idlePoll(),
                options.limits().idleKeepalive(), this::write,
                this::bye, () -> closed);
        this.autologout = new Autologout(vertx, options.limits(), session, () -> busy, () -> closed,
                () -> bye(Texts.AUTOLOGOUT));
    }

    void start() {
        socket.handler(this::onData);
        socket.exceptionHandler(e -> LOG.debug("IMAP connection error", e));
        socket.closeHandler(v -> onSocketClosed());
        socket.drainHandler(v -> {
            responder.wake();
            flowControl();
        });
        session.onChange(() -> context.runOnContext(v -> idle.wake()));
        write(ResponseWriter.untagged(ResponseStatus.OK, Optional.of(new ResponseCode.Capability(
                Capabilities.of(session, dispatcher.services().config()))),
                dispatcher.services().config().serverName() + " " + Texts.GREETING, false));
        autologout.start();
    }

    private void onData(Buffer data) {
        autologout.touch();
        if (closed || upgrading) {
            return; // RFC 9051 §6.2.1: nothing sent between STARTTLS and the handshake may be used
        }
        receiver.feed(data);
        pump();
    }

    /** Handles receiver events until a command runs, input runs out, or the connection closes. */
    private void pump() {
        while (!closed && !busy && !upgrading) {
            switch (receiver.next()) {
                case NeedMore n -> {
                    flowControl();
                    return;
                }
                case NeedLiteral l -> literal(l);
                case Bad b -> bad(b.tag(), ResponseStatus.BAD, Optional.empty(), b.message());
                case TooBig t -> tooBig(t);
                case ContinuationLine c -> continuation(Optional.of(c));
                case Request r -> request(r);
            }
        }
        flowControl();
    }

    private void literal(NeedLiteral l) {
        if (!session.state().isAuthenticated() && l.size() > options.limits().preAuthLiteralOctets()) {
            bye(Texts.PRE_AUTH_LITERAL);
            return;
        }
        if (!l.nonSync()) {
            write(responseBuffer(new Response.Continuation(Texts.READY_FOR_LITERAL)));
        }
    }

    private void tooBig(TooBig t) {
        if (!(awaiting instanceof Awaiting.Command)) {
            continuation(Optional.empty());
            return;
        }
        // RFC 7888 §5: a LITERAL- violation is a client error (BAD); a literal over the size limit is a refusal
        // (RFC 7889: NO [TOOBIG] for APPEND).
        boolean literalMinus = t.kind() == TooBig.Kind.LITERAL && t.limit() == ReceiverConfig.LITERAL_MINUS_MAX
                && options.limits().receiver().literalMode() == ReceiverConfig.LiteralMode.LITERAL_MINUS;
        ResponseStatus status = t.kind() == TooBig.Kind.LINE || literalMinus ? ResponseStatus.BAD : ResponseStatus.NO;
        bad(t.tag(), status, Optional.of(ResponseCode.Plain.TOOBIG), t.message());
    }

    private void bad(Optional<Tag> tag, ResponseStatus status, Optional<ResponseCode> code, String text) {
        write(tag.isPresent() ? ResponseWriter.tagged(tag.get(), status, code, text, session.utf8())
                : ResponseWriter.untagged(status, code, text, session.utf8()));
        // Only malformed input counts: a NO (a refused name, an unknown charset) is a well-formed command.
        if (status == ResponseStatus.BAD && ++badInARow >= options.limits().maxBadCommands()) {
            bye(Texts.TOO_MANY_ERRORS);
        }
    }

    private void request(Request r) {
        switch (CommandParser.parse(r, new ParseOptions(session.utf8()))) {
            case ParseError e -> bad(Optional.of(e.tag()), e.status(), e.code(), e.message());
            case ParsedCommand c -> {
                badInARow = 0;
                run(c.tag(), () -> dispatcher.execute(c, session, responder));
            }
        }
    }

    /** A raw line after {@code +}: DONE for IDLE or a SASL response; empty when the line was too long. */
    private void continuation(Optional<ContinuationLine> line) {
        Awaiting was = awaiting;
        awaiting = Awaiting.COMMAND;
        idle.stop();
        switch (was) {
            case Awaiting.IdleDone i -> {
                boolean done = line.isPresent() && line.get().isDone();
                run(i.tag(), () -> dispatcher.endIdle(i.tag(), done, session, responder));
            }
            case Awaiting.SaslResponse r -> {
                String text = line.map(ContinuationLine::text).orElse("*");
                run(r.tag(), () -> dispatcher.continueAuthentication(r.tag(), r.step(), text, session, responder));
            }
            case Awaiting.Command c -> throw new IllegalStateException("continuation line while awaiting a command");
        }
    }

    private void run(Tag tag, Callable<Outcome> task) {
        busy = true;
        queue.submit(() -> new Result(task.call(), responder.take())).onComplete(ar -> finish(tag, ar));
    }

    private record Result(Outcome outcome, Buffer untagged) {
    }

    private void finish(Tag tag, AsyncResult<Result> ar) {
        if (closed) {
            return;
        }
        autologout.touch();
        if (ar.failed()) {
            LOG.error("IMAP command task failed", ar.cause());
            write(ResponseWriter.tagged(tag, ResponseStatus.NO, Optional.of(ResponseCode.Plain.SERVERBUG),
                    Texts.SERVER_BUG, session.utf8()));
            resume();
            return;
        }
        write(ar.result().untagged());
        switch (ar.result().outcome()) {
            case Outcome.Done d when d.delay().isPositive() -> vertx.setTimer(Math.max(1, d.delay().toMillis()), id -> {
                if (!closed) {
                    done(tag, d);
                    resume();
                }
            });
            case Outcome.Done d -> {
                done(tag, d);
                resume();
            }
            case Outcome.StartTls s -> startTls(tag, s);
            case Outcome.Idle i -> {
                awaiting = new Awaiting.IdleDone(tag);
                write(responseBuffer(new Response.Continuation(Texts.IDLING)));
                receiver.expectContinuationLine();
                idle.start(tag);
                resume();
            }
            case Outcome.Challenge c -> {
                awaiting = new Awaiting.SaslResponse(tag, c.next());
                write(responseBuffer(new Response.Continuation(c.challenge())));
                receiver.expectContinuationLine();
                resume();
            }
            case Outcome.Logout l -> {
                done(tag, l.reply());
                close();
            }
            case Outcome.Bye b -> bye(b.text());
        }
    }

    private void done(Tag tag, Outcome.Done d) {
        write(ResponseWriter.tagged(tag, d.status(), d.code(), d.text(), session.utf8()));
    }

    private void resume() {
        busy = false;
        pump();
    }

    /**
     * Answers OK and starts the handshake. Buffered input is dropped: anything pipelined after STARTTLS came in
     * plaintext and must not be executed under TLS (CVE-2011-0411).
     */
    private void startTls(Tag tag, Outcome.StartTls s) {
        receiver.discardBuffered();
        upgrading = true;
        Buffer reply = ResponseWriter.tagged(tag, s.reply().status(), s.reply().code(), s.reply().text(), false);
        socket.upgradeToSsl(options.tls().orElseThrow().ssl(), reply).onComplete(ar -> {
            upgrading = false;
            if (ar.failed()) {
                LOG.debug("TLS handshake failed", ar.cause());
                close();
                return;
            }
            session.tlsStarted();
            autologout.touch();
            resume();
        });
    }

    /** Pauses reading while the client piles up input or does not read our responses. */
    private void flowControl() {
        boolean pause = !closed && (receiver.bufferedBytes() > MAX_BUFFERED || socket.writeQueueFull());
        if (pause && !paused) {
            paused = true;
            socket.pause();
        } else if (!pause && paused) {
            paused = false;
            socket.resume();
        }
    }

    private Buffer responseBuffer(Response r) {
        Buffer b = Buffer.buffer();
        ResponseEncoder.write(new ResponseWriter(b, session.utf8()), r);
        return b;
    }

    void write(Buffer b) {
        if (!closed && b.length() > 0) {
            socket.write(b);
        }
    }

    /** Sends {@code * BYE text} and closes. */
    void bye(String text) {
        if (!closed) {
            write(responseBuffer(Response.Condition.bye(text)));
            close();
        }
    }

    private void close() {
        if (!closed) {
            closed = true;
            responder.close();
            socket.close();
        }
    }

    private void onSocketClosed() {
        closed = true;
        responder.close();
        idle.stop();
        autologout.stop();
        queue.submit(() -> {
            session.close();
            return null;
        }).onComplete(ar -> {
            if (ar.failed()) {
                LOG.warn("releasing IMAP session resources failed", ar.cause());
            }
            onClosed.accept(this);
            closedPromise.tryComplete();
        });
    }

    /** Says {@code * BYE [UNAVAILABLE]} and closes; completes when the connection is closed. */
    Future<Void> shutdown() {
        context.runOnContext(v -> {
            if (!closed) {
                write(ResponseWriter.untagged(ResponseStatus.BYE, Optional.of(ResponseCode.Plain.UNAVAILABLE),
                        Texts.SHUTTING_DOWN, false));
                close();
            }
        });
        return closedPromise.future();
    }
}
