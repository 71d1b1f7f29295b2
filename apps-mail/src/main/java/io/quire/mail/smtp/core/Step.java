package io.quire.mail.smtp.core;

import io.quire.mail.delivery.Envelope;
import io.quire.mail.delivery.MessageContent;

/**
 * What a {@link SmtpSession} asks its transport to do next; the session itself does no I/O.
 *
 * <p>The transport loops on {@link SmtpSession#next()} until it gets {@link NeedInput} (read more bytes),
 * or a step that needs an answer: {@link CheckRecipient} and {@link Deliver} (ask the store, then call back),
 * {@link StartTls} (upgrade, then call back) or {@link Close}.
 */
public sealed interface Step {

    /** Send these bytes (one or more replies, batched as RFC 2920 §3.1 allows). */
    record Write(byte[] bytes) implements Step {
    }

    /** Nothing more to do until more bytes arrive; everything pending has been written. */
    record NeedInput() implements Step {
    }

    /** Ask the store about this recipient, then call {@link SmtpSession#recipientChecked}. */
    record CheckRecipient(String address) implements Step {
    }

    /** Hand this message to the store, then call {@link SmtpSession#delivered}. */
    record Deliver(Envelope envelope, MessageContent content) implements Step {
    }

    /** Start a TLS handshake as server, then call {@link SmtpSession#tlsStarted()} (RFC 3207 §4). */
    record StartTls() implements Step {
    }

    /** Close the connection; the session is over. */
    record Close() implements Step {
    }

    /** The shared {@link NeedInput}. */
    Step NEED_INPUT = new NeedInput();
    /** The shared {@link StartTls}. */
    Step START_TLS = new StartTls();
    /** The shared {@link Close}. */
    Step CLOSE = new Close();
}
