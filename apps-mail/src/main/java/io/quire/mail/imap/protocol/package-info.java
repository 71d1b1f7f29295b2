/**
 * The IMAP wire codec's lowest layer: framing client bytes into commands, and the small validated value
 * types every other layer shares. No store, no session state, no I/O.
 *
 * <h2>Tour</h2>
 * <ul>
 *   <li>{@link io.quire.mail.imap.protocol.ImapReceiver} — the sans-IO receiver (Stalwart
 *       {@code receiver.rs} style). Feed it bytes in any chunking; pull {@link
 *       io.quire.mail.imap.protocol.ReceiverEvent}s:
 *       <ul>
 *         <li>{@link io.quire.mail.imap.protocol.Request}: tag, upper-cased command name and a
 *             {@link io.quire.mail.imap.protocol.Token} tree (atoms, quoted strings, literals as bytes,
 *             parenthesised groups);</li>
 *         <li>{@link io.quire.mail.imap.protocol.NeedLiteral}: a literal was announced; send {@code + Ready}
 *             unless it is non-synchronizing;</li>
 *         <li>{@link io.quire.mail.imap.protocol.Bad} and {@link io.quire.mail.imap.protocol.TooBig}: answer
 *             BAD (or NO [TOOBIG]); the receiver has already resynchronised on the next command;</li>
 *         <li>{@link io.quire.mail.imap.protocol.ContinuationLine}: a raw line, after the session called
 *             {@code expectContinuationLine()} for AUTHENTICATE or IDLE;</li>
 *         <li>{@link io.quire.mail.imap.protocol.NeedMore}: feed more bytes.</li>
 *       </ul>
 *       Internals: {@code CommandLexer} (per-octet states), {@code CommandBuilder} (the token tree),
 *       {@code LiteralPolicy} (LITERAL+/LITERAL- and size limits), {@code SkippedLineTail} (resynchronising
 *       over {@code {n+}} literals on a rejected line), {@code InputQueue}, {@code ByteSink}.</li>
 *   <li>{@link io.quire.mail.imap.protocol.ReceiverConfig} — limits: 64 KiB lines, 64 MiB APPEND literals,
 *       64 KiB other literals, 64 MiB + 64 KiB per command, LITERAL+ by default.</li>
 *   <li>Value types, each checking its grammar in its constructor or factory and throwing
 *       {@link io.quire.mail.imap.protocol.ProtocolException} (BAD, or NO with a code for policy refusals):
 *       {@link io.quire.mail.imap.protocol.Tag}, {@link io.quire.mail.imap.protocol.SequenceSet} (with
 *       {@code *} and SEARCHRES {@code $}), {@link io.quire.mail.imap.protocol.MailboxName} (modified UTF-7 via
 *       {@link io.quire.mail.imap.protocol.ModifiedUtf7} or UTF-8, naming policy, INBOX),
 *       {@link io.quire.mail.imap.protocol.MailboxPattern}, {@link io.quire.mail.imap.protocol.Flag}.</li>
 *   <li>{@link io.quire.mail.imap.protocol.ResponseCode} and {@link io.quire.mail.imap.protocol.ResponseStatus}:
 *       shared by the parsers (errors) and the encoders (responses).</li>
 * </ul>
 *
 * <h2>Why not Vert.x RecordParser</h2>
 * The style guide suggests running the receiver on {@code RecordParser}. Its {@code maxRecordSize} is checked
 * against the whole unconsumed buffer, so with lazy pulling (needed for STARTTLS and continuation mode) a
 * burst of small pipelined commands trips it, and it then throws without resetting. The receiver keeps its
 * two modes (delimited lines, fixed-size literals) in its own state machine instead, tested the way
 * {@code RecordParserTest.doTestDelimited} tests RecordParser: every input in every chunking.
 */
package io.quire.mail.imap.protocol;
