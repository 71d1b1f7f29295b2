package io.quire.mail.smtp.core;

import io.quire.mail.delivery.DeliveryResult;
import io.quire.mail.delivery.RecipientCheck;
import io.quire.mail.smtp.core.SessionState.CheckingRecipient;
import io.quire.mail.smtp.core.SessionState.Closed;
import io.quire.mail.smtp.core.SessionState.Connected;
import io.quire.mail.smtp.core.SessionState.Delivering;
import io.quire.mail.smtp.core.SessionState.InTransaction;
import io.quire.mail.smtp.core.SessionState.ReadingData;
import io.quire.mail.smtp.core.SessionState.Ready;
import io.quire.mail.smtp.core.SessionState.TlsHandshake;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * The server side of one SMTP or LMTP connection, sans I/O: bytes in, {@link Step}s out.
 *
 * <p>Feed received bytes with {@link #receive}, then call {@link #next()} until it returns
 * {@link Step.NeedInput} or a step that needs an answer ({@link Step.CheckRecipient}, {@link Step.Deliver},
 * {@link Step.StartTls}); give the answer with the matching callback and call {@code next()} again. Replies are
 * batched: the session emits a {@link Step.Write} only before it would wait for the client or the store, which is
 * what RFC 2920 §3.2 asks of a PIPELINING server. Not thread-safe: use it from one event loop.
 */
public final class SmtpSession {

    /** RFC 5321 §4.5.3.1.4 allows 512 octets per command line; we take up to 1000 (§4.5.3.1.6), as Postfix does. */
    static final int MAX_COMMAND_LINE = 1000;

    private final SmtpConfig config;
    private final ConnectionInfo connection;
    private final InputQueue input = new InputQueue();
    private final ByteArrayOutputStream output = new ByteArrayOutputStream(256);
    private final CommandHandler commands;
    private SessionState state = new Connected();
    private Step deferred;
    private boolean tls;
    private int errors;
    private int transactions;

    /** Starts a session; the greeting is the first thing {@link #next()} writes. */
    public SmtpSession(SmtpConfig config, ConnectionInfo connection) {
        this.config = config;
        this.connection = connection;
        this.commands = new CommandHandler(this, config);
        reply(Replies.greeting(config));
    }

    /** Queues received bytes; they are parsed by {@link #next()}. Bytes during a TLS handshake are dropped. */
    public void receive(byte[] bytes, int offset, int length) {
        if (!(state instanceof TlsHandshake) && !(state instanceof Closed)) {
            input.append(bytes, offset, length);
        }
    }

    /** Queues received bytes. */
    public void receive(byte[] bytes) {
        receive(bytes, 0, bytes.length);
    }

    /** The next thing to do; see the class comment. */
    public Step next() {
        if (deferred != null) {
            Step d = deferred;
            deferred = null;
            return d;
        }
        Step step = advance();
        boolean waits = !(step instanceof Step.CheckRecipient);
        if (waits && output.size() > 0) {
            deferred = step;
            return new Step.Write(takeOutput());
        }
        return step;
    }

    private Step advance() {
        while (true) {
            switch (state) {
                case Closed c -> {
                    return Step.CLOSE;
                }
                case CheckingRecipient c -> throw new IllegalStateException("waiting for a recipient check");
                case Delivering d -> throw new IllegalStateException("waiting for a delivery");
                case TlsHandshake t -> throw new IllegalStateException("waiting for the TLS handshake");
                case ReadingData data -> {
                    input.drainTo(data.reader());
                    if (!data.reader().done()) {
                        return Step.NEED_INPUT;
                    }
                    Step step = commands.endOfData(data, connection, tls, ++transactions);
                    if (step != null) {
                        return step;
                    }
                }
                case Connected c -> {
                    Step step = nextCommand();
                    if (step != null) {
                        return step;
                    }
                }
                case Ready r -> {
                    Step step = nextCommand();
                    if (step != null) {
                        return step;
                    }
                }
                case InTransaction t -> {
                    Step step = nextCommand();
                    if (step != null) {
                        return step;
                    }
                }
            }
        }
    }

    /** Handles one queued command line; {@code null} means "carry on", {@link Step#NEED_INPUT} "no line yet". */
    private Step nextCommand() {
        byte[] line = input.pollLine(MAX_COMMAND_LINE);
        if (line == null) {
            return Step.NEED_INPUT;
        }
        if (line == InputQueue.TOO_LONG) {
            return error(Replies.LINE_TOO_LONG);
        }
        return commands.handle(CommandParser.parse(line), state, tls);
    }

    /** The store's answer to the last {@link Step.CheckRecipient}. */
    public void recipientChecked(RecipientCheck check) {
        if (!(state instanceof CheckingRecipient c)) {
            throw new IllegalStateException("no recipient check pending");
        }
        var tx = c.tx();
        switch (check) {
            case RecipientCheck.Accepted a -> {
                tx = tx.withRecipient(c.address());
                reply(Replies.RECIPIENT_OK);
            }
            case RecipientCheck.Rejected r -> reply(Replies.failure(r.failure()));
        }
        state = new InTransaction(c.hello(), tx);
    }

    /** The recipient check failed (the future failed): a transient {@code 451 4.3.0}. */
    public void recipientCheckFailed(Throwable cause) {
        if (!(state instanceof CheckingRecipient c)) {
            throw new IllegalStateException("no recipient check pending");
        }
        reply(Replies.TEMPORARY_FAILURE);
        state = new InTransaction(c.hello(), c.tx());
    }

    /** The store's results for the last {@link Step.Deliver}, one per envelope recipient. */
    public void delivered(List<DeliveryResult> results) {
        if (!(state instanceof Delivering d)) {
            throw new IllegalStateException("no delivery pending");
        }
        commands.deliveryReplies(d, results);
        state = new Ready(d.hello());
    }

    /** The delivery failed as a whole (the future failed): {@code 451 4.3.0} for every recipient. */
    public void deliveryFailed(Throwable cause) {
        delivered(null);
    }

    /** The TLS handshake succeeded: the client must greet again (RFC 3207 §4.2). */
    public void tlsStarted() {
        if (!(state instanceof TlsHandshake)) {
            throw new IllegalStateException("no TLS handshake pending");
        }
        tls = true;
        input.clear();
        state = new Connected();
    }

    /** Ends the session for idleness: returns the {@code 421 4.4.2} to send before closing. */
    public byte[] idleTimeout() {
        state = new Closed();
        return Replies.idleTimeout(config.serverName()).encode();
    }

    /** Ends the session because the server stops: returns the {@code 421 4.3.2} to send before closing. */
    public byte[] shutdown() {
        state = new Closed();
        return Replies.shuttingDown(config.serverName()).encode();
    }

    /** Whether the session is waiting for the store (the transport should not time the client out then). */
    public boolean awaitingStore() {
        return state instanceof CheckingRecipient || state instanceof Delivering;
    }

    /**
     * How many received bytes wait to be parsed; a transport pauses reading when this grows (a client pipelining
     * while the store is busy), since the session itself never refuses bytes.
     */
    public int bufferedInput() {
        return input.size();
    }

    /** Whether TLS is active. */
    public boolean tlsActive() {
        return tls;
    }

    SessionState state() {
        return state;
    }

    void state(SessionState next) {
        state = next;
    }

    void reply(Reply reply) {
        reply.encodeTo(output);
    }

    /** Replies with a client error and hangs up after too many of them. */
    Step error(Reply reply) {
        reply(reply);
        if (++errors >= config.maxErrors()) {
            reply(Replies.tooManyErrors(config));
            state = new Closed();
            return Step.CLOSE;
        }
        return null;
    }

    /** Forgets queued input: after STARTTLS nothing sent in plaintext may be read as if it came over TLS. */
    void discardInput() {
        input.clear();
    }

    private byte[] takeOutput() {
        byte[] bytes = output.toByteArray();
        output.reset();
        return bytes;
    }
}
