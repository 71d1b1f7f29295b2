package io.quire.mail.smtp.core;

import io.quire.mail.delivery.DeliveryResult;
import io.quire.mail.delivery.Envelope;
import io.quire.mail.delivery.MessageContent;
import io.quire.mail.smtp.core.SessionState.CheckingRecipient;
import io.quire.mail.smtp.core.SessionState.Closed;
import io.quire.mail.smtp.core.SessionState.Connected;
import io.quire.mail.smtp.core.SessionState.Delivering;
import io.quire.mail.smtp.core.SessionState.InTransaction;
import io.quire.mail.smtp.core.SessionState.ReadingData;
import io.quire.mail.smtp.core.SessionState.Ready;
import io.quire.mail.smtp.core.SessionState.TlsHandshake;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The semantics of each command in each state (RFC 5321 §4.1.1, §4.1.4; RFC 2033 §4): which are allowed, what
 * they change and what they answer. Returns a {@link Step} when the session must stop and wait, else {@code null}.
 */
final class CommandHandler {

    private static final Reply PARAMETERS_NEED_EHLO = Replies.unsupportedParameter("(ESMTP parameters need EHLO)");
    private static final Reply STARTTLS_IN_TRANSACTION =
            Reply.of(503, "5.5.1", "STARTTLS not allowed during a mail transaction");

    private final SmtpSession session;
    private final SmtpConfig config;

    CommandHandler(SmtpSession session, SmtpConfig config) {
        this.session = session;
        this.config = config;
    }

    Step handle(Command command, SessionState state, boolean tls) {
        return switch (command) {
            case Command.Invalid invalid -> session.error(invalid.reply());
            case Command.Hello hello -> hello(hello, tls);
            case Command.Mail mail -> mail(mail, state);
            case Command.Rcpt rcpt -> rcpt(rcpt, state);
            case Command.Data data -> data(state);
            case Command.Rset rset -> {
                if (state instanceof InTransaction t) {
                    session.state(new Ready(t.hello()));
                }
                yield ok(Replies.RESET);
            }
            case Command.Noop noop -> ok(Replies.OK);
            case Command.Vrfy vrfy -> ok(Replies.VRFY);
            case Command.Help help -> ok(Replies.HELP);
            case Command.Quit quit -> {
                session.reply(Replies.quit(config));
                session.state(new Closed());
                yield Step.CLOSE;
            }
            case Command.StartTls startTls -> startTls(state, tls);
        };
    }

    private Step ok(Reply reply) {
        session.reply(reply);
        return null;
    }

    /** A greeting also aborts any transaction (RFC 5321 §4.1.4). LMTP knows only LHLO (RFC 2033 §4.1). */
    private Step hello(Command.Hello hello, boolean tls) {
        boolean lmtp = config.protocol() == Protocol.LMTP;
        if (lmtp != (hello.kind() == Command.Greeting.LHLO)) {
            return session.error(Replies.UNKNOWN_COMMAND);
        }
        session.state(new Ready(hello));
        return ok(hello.extended() ? Replies.ehlo(config, hello.name(), tls) : Replies.helo(config, hello.name()));
    }

    private Reply needGreeting() {
        return config.protocol() == Protocol.LMTP ? Replies.NEED_LHLO : Replies.NEED_HELO;
    }

    private Step mail(Command.Mail mail, SessionState state) {
        return switch (state) {
            case Connected c -> session.error(needGreeting());
            case InTransaction t -> session.error(Replies.NESTED_MAIL);
            case Ready r -> {
                MailParameters p = mail.parameters();
                if (p.any() && !r.hello().extended()) {
                    yield session.error(PARAMETERS_NEED_EHLO);
                }
                if (p.size().isPresent() && p.size().getAsLong() > config.maxMessageSize()) {
                    yield ok(Replies.MESSAGE_TOO_BIG); // RFC 1870 §6.1: refuse at MAIL, before any data
                }
                if (!p.smtpUtf8() && !PathSyntax.isAscii(mail.reversePath())) {
                    yield ok(Replies.NON_ASCII_ADDRESS);
                }
                session.state(new InTransaction(r.hello(), Transaction.start(mail.reversePath(), p)));
                yield ok(Replies.SENDER_OK);
            }
            default -> throw new IllegalStateException("MAIL in " + state);
        };
    }

    private Step rcpt(Command.Rcpt rcpt, SessionState state) {
        return switch (state) {
            case Connected c -> session.error(needGreeting());
            case Ready r -> session.error(Replies.NEED_MAIL);
            case InTransaction t -> {
                if (rcpt.firstParameter() != null) {
                    yield session.error(Replies.unsupportedParameter(rcpt.firstParameter()));
                }
                if (!t.tx().parameters().smtpUtf8() && !PathSyntax.isAscii(rcpt.forwardPath())) {
                    yield ok(Replies.NON_ASCII_ADDRESS);
                }
                if (t.tx().indexOf(rcpt.forwardPath()) >= 0) {
                    // Named twice: one copy, but LMTP still owes a reply for each accepted RCPT.
                    session.state(new InTransaction(t.hello(), t.tx().withRecipient(rcpt.forwardPath())));
                    yield ok(Replies.RECIPIENT_OK);
                }
                if (t.tx().recipients().size() >= config.maxRecipients()) {
                    yield ok(Replies.TOO_MANY_RECIPIENTS); // RFC 5321 §4.5.3.1.10: 452, the client retries later
                }
                session.state(new CheckingRecipient(t.hello(), t.tx(), rcpt.forwardPath()));
                yield new Step.CheckRecipient(rcpt.forwardPath());
            }
            default -> throw new IllegalStateException("RCPT in " + state);
        };
    }

    private Step data(SessionState state) {
        return switch (state) {
            case Connected c -> session.error(needGreeting());
            case Ready r -> session.error(Replies.NEED_MAIL);
            case InTransaction t -> {
                if (t.tx().recipients().isEmpty()) {
                    // RFC 2920 §3.1: with pipelining, DATA after failed RCPTs must fail, not start reading.
                    yield ok(Replies.NO_VALID_RECIPIENTS);
                }
                session.state(new ReadingData(t.hello(), t.tx(), new DataReader(config.maxMessageSize())));
                yield ok(Replies.START_DATA);
            }
            default -> throw new IllegalStateException("DATA in " + state);
        };
    }

    private Step startTls(SessionState state, boolean tls) {
        if (!config.tlsAvailable()) {
            return session.error(Replies.TLS_NOT_AVAILABLE);
        }
        if (tls) {
            return session.error(Replies.TLS_ACTIVE);
        }
        return switch (state) {
            case Connected c -> session.error(needGreeting());
            case InTransaction t -> session.error(STARTTLS_IN_TRANSACTION);
            case Ready r -> {
                session.reply(Replies.START_TLS);
                // RFC 3207 §4.2 / CVE-2011-0411: commands pipelined after STARTTLS arrived in plaintext; drop them.
                session.discardInput();
                session.state(new TlsHandshake());
                yield Step.START_TLS;
            }
            default -> throw new IllegalStateException("STARTTLS in " + state);
        };
    }

    /** After the end-of-data marker: refuse the message, or hand it to the store. */
    Step endOfData(ReadingData data, ConnectionInfo connection, boolean tls, int number) {
        Transaction tx = data.tx();
        session.state(new Ready(data.hello()));
        if (data.reader().hasBareLineEnd()) {
            replyPerRecipient(tx, Replies.BARE_LINE_END);
            return null;
        }
        if (data.reader().tooBig()) {
            replyPerRecipient(tx, Replies.MESSAGE_TOO_BIG);
            return null;
        }
        String id = connection.sessionId() + "-" + number;
        Instant now = config.clock().instant().truncatedTo(ChronoUnit.SECONDS);
        boolean utf8 = tx.parameters().smtpUtf8();
        String with = config.protocol().withKeyword(data.hello().extended(), tls, utf8);
        byte[] received = TraceHeaders.received(data.hello().name(), connection.addressLiteral(),
                config.serverName(), with, id, tx.recipients(), now);
        var prefixes = new ArrayList<byte[]>(tx.recipients().size());
        for (String recipient : tx.recipients()) {
            prefixes.add(TraceHeaders.deliveryPrefix(tx.mailFrom(), recipient));
        }
        var content = new MessageContent(prefixes, data.reader().messageAfter(received));
        var envelope = new Envelope(tx.mailFrom(), tx.recipients(), data.hello().name(),
                connection.remoteAddress(), utf8, now);
        session.state(new Delivering(data.hello(), tx, id));
        return new Step.Deliver(envelope, content);
    }

    private void replyPerRecipient(Transaction tx, Reply reply) {
        int count = config.protocol() == Protocol.LMTP ? tx.replyOrder().size() : 1;
        for (int i = 0; i < count; i++) {
            session.reply(reply);
        }
    }

    /**
     * Turns the store's results into replies; {@code null} or a list of the wrong length means "failed".
     *
     * <p>LMTP answers per recipient. SMTP has one reply for the whole transaction, so it can be 250 only when
     * every copy is stored; otherwise it reports the failure — a transient one first, so the client retries. The
     * recipients already served may then get the message twice: RFC 5321 §6.1 prefers duplicates to loss.
     */
    void deliveryReplies(Delivering d, List<DeliveryResult> results) {
        List<String> recipients = d.tx().recipients();
        var outcomes = new ArrayList<Reply>(recipients.size());
        for (int i = 0; i < recipients.size(); i++) {
            DeliveryResult r = results != null && results.size() == recipients.size() ? results.get(i) : null;
            outcomes.add(switch (r) {
                case null -> Replies.TEMPORARY_FAILURE;
                case DeliveryResult.Delivered ok -> config.protocol() == Protocol.LMTP
                        ? Replies.deliveredTo(recipients.get(i), d.id()) : Replies.delivered(d.id());
                case DeliveryResult.Failed failed -> Replies.failure(failed.failure());
            });
        }
        if (config.protocol() == Protocol.LMTP) {
            d.tx().replyOrder().forEach(i -> session.reply(outcomes.get(i)));
            return;
        }
        Reply worst = outcomes.stream().filter(r -> r.code() >= 400 && r.code() < 500).findFirst()
                .or(() -> outcomes.stream().filter(r -> r.code() >= 500).findFirst())
                .orElse(outcomes.get(0));
        session.reply(worst);
    }
}
