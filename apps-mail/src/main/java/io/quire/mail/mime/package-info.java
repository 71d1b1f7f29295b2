/**
 * What IMAP FETCH and SEARCH need from a message's octets: pure functions, byte[] in, values out, so results
 * can be cached per message.
 *
 * <h2>Tour</h2>
 * <ul>
 *   <li>{@link io.quire.mail.mime.ParsedMessage} — the entry point: {@code parse(octets)}, then
 *       {@code envelope()}, {@code bodyStructure()}, {@code section(Section, Optional<Partial>)},
 *       {@code binary(part)}, {@code summary()}.</li>
 *   <li>{@link io.quire.mail.mime.MimeParser} and {@link io.quire.mail.mime.MimePart} — the entity tree with
 *       exact octet offsets; {@link io.quire.mail.mime.Headers} and {@link io.quire.mail.mime.HeaderField}
 *       locate header blocks and fields. Lenient: bare LF, missing close delimiters, broken types (see
 *       {@code MimeParser}'s comment for what is downgraded and why).</li>
 *   <li>{@link io.quire.mail.mime.Envelope} with {@link io.quire.mail.mime.AddressParser} (groups, routes,
 *       encoded-words kept), {@link io.quire.mail.mime.BodyStructure} (basic, text, message, multipart),
 *       {@link io.quire.mail.mime.Section} and {@link io.quire.mail.mime.Partial} (BODY[...]&lt;o.n&gt;, numbering
 *       of RFC 9051 §6.4.5), {@link io.quire.mail.mime.BinaryContent} (RFC 3516, UNKNOWN-CTE),
 *       {@link io.quire.mail.mime.MessageSummary} and {@link io.quire.mail.mime.MailDates} for SEARCH and
 *       SORT.</li>
 * </ul>
 *
 * <h2>Where mime4j is used</h2>
 * Apache mime4j decodes base64 and quoted-printable for BINARY and RFC 2047 subjects for the summary, and its
 * permissive parser is the oracle the structure tests compare against. Offsets, header fields, parameters and
 * addresses are read here, because IMAP needs exact octet ranges and undecoded values that mime4j's DOM and
 * field parsers do not give (they do not expose offsets and they decode encoded-words).
 *
 * <h2>Text of header values</h2>
 * Header octets are read as UTF-8 when valid, else ISO-8859-1 ({@link io.quire.mail.mime.HeaderText}), so raw
 * 8-bit headers survive; the encoders send non-ASCII values as literals unless UTF8=ACCEPT is on.
 */
package io.quire.mail.mime;
