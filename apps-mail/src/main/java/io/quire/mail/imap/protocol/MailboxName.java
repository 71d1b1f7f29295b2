package io.quire.mail.imap.protocol;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A mailbox name in Unicode, validated against the server's naming rules, with its two wire forms.
 *
 * <p>On the wire a name is modified UTF-7 (RFC 3501 §5.1.3), or UTF-8 once the client has enabled
 * UTF8=ACCEPT (RFC 6855 §3). Beyond the grammar, the server refuses names that would be unsafe as
 * hierarchy paths in the store: empty names, control characters, {@code .} or {@code ..} segments, a
 * leading, trailing or doubled {@link #DELIMITER}, and names over {@link #MAX_BYTES} UTF-8 octets.
 * {@code INBOX} is case-insensitive (RFC 3501 §5.1) and is normalised, also as the first segment of a
 * child name.
 *
 * @param name the Unicode name, normalised
 */
public record MailboxName(String name) {
    /** The hierarchy delimiter. */
    public static final char DELIMITER = '/';
    /** Longest name in UTF-8 octets. */
    public static final int MAX_BYTES = 512;
    /** The special name of the primary mailbox. */
    public static final String INBOX_NAME = "INBOX";
    /** {@code INBOX}. */
    public static final MailboxName INBOX = new MailboxName(INBOX_NAME);

    /**
     * Validates and normalises.
     *
     * @throws ProtocolException BAD for control characters; NO [CANNOT] or NO [LIMIT] for policy refusals
     */
    public MailboxName {
        name = normaliseInbox(name);
        validate(name);
    }

    /**
     * Decodes a name as sent by the client (astring bytes).
     *
     * @param raw  the octets of the astring
     * @param utf8 whether UTF8=ACCEPT is enabled (the octets are UTF-8, not modified UTF-7)
     * @throws ProtocolException if the octets are not a valid encoding or name
     */
    public static MailboxName fromWire(byte[] raw, boolean utf8) {
        return new MailboxName(decodeWire(raw, utf8));
    }

    /** Decodes the wire form of a name or pattern without applying the naming policy. */
    public static String decodeWire(byte[] raw, boolean utf8) {
        if (utf8) {
            try {
                return StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(raw)).toString();
            } catch (CharacterCodingException e) {
                throw ProtocolException.bad("Mailbox name is not valid UTF-8");
            }
        }
        for (byte b : raw) {
            if (b < 0) {
                throw ProtocolException.bad("8-bit mailbox name without UTF8=ACCEPT; use modified UTF-7");
            }
        }
        return ModifiedUtf7.decode(new String(raw, StandardCharsets.US_ASCII));
    }

    /** The wire form: UTF-8 octets if {@code utf8}, else modified UTF-7. */
    public byte[] toWire(boolean utf8) {
        return utf8 ? name.getBytes(StandardCharsets.UTF_8)
                : ModifiedUtf7.encode(name).getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Returns this name if a client may create it: CREATE and RENAME's target must not contain the LIST
     * wildcards {@code %} and {@code *}, which could never be matched literally (RFC 3501 §6.3.8).
     *
     * @throws ProtocolException NO [CANNOT] otherwise
     */
    public MailboxName requireCreatable() {
        if (name.indexOf('%') >= 0 || name.indexOf('*') >= 0) {
            throw ProtocolException.no(ResponseCode.Plain.CANNOT, "Mailbox names cannot contain '%' or '*'");
        }
        return this;
    }

    /** Whether this is {@code INBOX}. */
    public boolean isInbox() {
        return name.equals(INBOX_NAME);
    }

    /** The hierarchy segments, e.g. {@code [Archive, 2024]}. */
    public List<String> segments() {
        return Arrays.asList(name.split(String.valueOf(DELIMITER), -1));
    }

    /** The parent in the hierarchy, if this name has a delimiter. */
    public Optional<MailboxName> parent() {
        int i = name.lastIndexOf(DELIMITER);
        return i < 0 ? Optional.empty() : Optional.of(new MailboxName(name.substring(0, i)));
    }

    @Override
    public String toString() {
        return name;
    }

    private static String normaliseInbox(String name) {
        if (name == null) {
            throw ProtocolException.bad("Missing mailbox name");
        }
        if (name.equalsIgnoreCase(INBOX_NAME)) {
            return INBOX_NAME;
        }
        if (name.length() > INBOX_NAME.length() && name.charAt(INBOX_NAME.length()) == DELIMITER
                && name.regionMatches(true, 0, INBOX_NAME, 0, INBOX_NAME.length())) {
            return INBOX_NAME + name.substring(INBOX_NAME.length());
        }
        return name;
    }

    private static void validate(String name) {
        if (name.isEmpty()) {
            throw ProtocolException.no(ResponseCode.Plain.CANNOT, "Empty mailbox name");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw ProtocolException.bad("Control character in mailbox name");
            }
            if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < name.length()
                    && Character.isLowSurrogate(name.charAt(++i)))) {
                throw ProtocolException.bad("Unpaired surrogate in mailbox name");
            }
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw ProtocolException.no(ResponseCode.Plain.LIMIT, "Mailbox name longer than " + MAX_BYTES + " octets");
        }
        if (name.charAt(0) == DELIMITER || name.charAt(name.length() - 1) == DELIMITER) {
            throw ProtocolException.no(ResponseCode.Plain.CANNOT, "Mailbox name cannot start or end with '/'");
        }
        for (String segment : name.split(String.valueOf(DELIMITER), -1)) {
            if (segment.isEmpty()) {
                throw ProtocolException.no(ResponseCode.Plain.CANNOT, "Mailbox name cannot contain '//'");
            }
            if (segment.equals(".") || segment.equals("..")) {
                throw ProtocolException.no(ResponseCode.Plain.CANNOT, "Mailbox name cannot contain '.' or '..' segments");
            }
        }
    }
}
