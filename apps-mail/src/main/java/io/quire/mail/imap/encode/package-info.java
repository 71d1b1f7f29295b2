/**
 * Server responses as octets: no store, no I/O; the session writes the resulting Vert.x buffers.
 *
 * <h2>Tour</h2>
 * <ul>
 *   <li>{@link io.quire.mail.imap.encode.ResponseWriter} — builds response lines with automatic spacing and
 *       the right string form per value: quoted (escaping {@code "} and {@code \}) or literal (CR, LF, NUL,
 *       8-bit without UTF8=ACCEPT, long values), NIL, lists, numbers, flags, sequence sets, mailbox names in
 *       modified UTF-7 or UTF-8, INTERNALDATE {@code date-time}, literal8 for BINARY, sanitised response text,
 *       and {@code [codes]} ({@code ResponseCodes}, one exhaustive switch).</li>
 *   <li>{@link io.quire.mail.imap.encode.UidSetEncoder} — the shortest UID set text ({@code 1:5,7,9:12}),
 *       sorted, or in the given order for COPYUID.</li>
 *   <li>{@link io.quire.mail.imap.encode.EnvelopeWriter} and
 *       {@link io.quire.mail.imap.encode.BodyStructureWriter} — FETCH ENVELOPE, BODYSTRUCTURE and BODY from the
 *       values of {@link io.quire.mail.mime}.</li>
 * </ul>
 *
 * <pre>
 * ResponseWriter w = new ResponseWriter(utf8Accept);
 * w.untagged().number(msn).atom("FETCH").openList().atom("UID").number(uid).atom("BODYSTRUCTURE");
 * BodyStructureWriter.write(w, message.bodyStructure(), true);
 * w.closeList().crlf();
 * socket.write(w.buffer());
 * </pre>
 */
package io.quire.mail.imap.encode;
