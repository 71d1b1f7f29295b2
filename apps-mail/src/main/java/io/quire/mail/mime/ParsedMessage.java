package io.quire.mail.mime;

import java.util.List;
import java.util.Optional;

/**
 * A message parsed once for everything FETCH can ask of it: ENVELOPE, BODYSTRUCTURE, sections, BINARY and
 * the search summary. Pure and immutable, so a handler may cache it per message.
 *
 * <pre>
 * ParsedMessage m = ParsedMessage.parse(octets);
 * m.envelope();                                  // ENVELOPE
 * m.bodyStructure();                             // BODYSTRUCTURE (and BODY, written without extensions)
 * m.section(Section.of(Section.Text.HEADER, 2)); // BODY[2.HEADER]
 * m.binary(List.of(1));                          // BINARY[1]
 * </pre>
 *
 * <p>The octets are shared, not copied: callers must not modify them afterwards.
 */
public final class ParsedMessage {
    private final byte[] octets;
    private final MimePart root;

    private ParsedMessage(byte[] octets, MimePart root) {
        this.octets = octets;
        this.root = root;
    }

    /** Parses a message; never throws on malformed MIME. */
    public static ParsedMessage parse(byte[] octets) {
        return new ParsedMessage(octets, MimeParser.parse(octets));
    }

    /** The message octets. */
    public byte[] octets() {
        return octets;
    }

    /** The entity tree with octet offsets. */
    public MimePart root() {
        return root;
    }

    /** RFC822.SIZE. */
    public int size() {
        return octets.length;
    }

    /** The ENVELOPE of the message. */
    public Envelope envelope() {
        return Envelope.of(root.headers());
    }

    /** The BODYSTRUCTURE of the message. */
    public BodyStructure bodyStructure() {
        return BodyStructures.of(root);
    }

    /** The octets of {@code BODY[section]}, or empty when the section does not exist. */
    public Optional<byte[]> section(Section section) {
        return Sections.extract(root, section);
    }

    /** The octets of {@code BODY[section]<partial>}. */
    public Optional<byte[]> section(Section section, Optional<Partial> partial) {
        Optional<byte[]> whole = section(section);
        return partial.isEmpty() ? whole : whole.map(partial.get()::apply);
    }

    /** {@code BINARY[part]}: the part's content with its transfer encoding removed (RFC 3516). */
    public BinaryContent binary(List<Integer> part) {
        return TransferDecoding.binary(root, part);
    }

    /** The header facts for SEARCH and SORT. */
    public MessageSummary summary() {
        return MessageSummary.of(root.headers(), octets.length);
    }
}
