package io.quire.mail.imap.protocol;

/**
 * What {@link ImapReceiver#next()} yields: a complete command, a literal announcement, an error, or
 * a request for more bytes.
 *
 * <p>This is the sans-IO boundary of RFC 3501 §2.2: the session reads this value, writes responses and
 * feeds bytes; the receiver never does I/O and never throws on client input.
 */
public sealed interface ReceiverEvent permits Request, NeedLiteral, Bad, TooBig, NeedMore, ContinuationLine {
}
