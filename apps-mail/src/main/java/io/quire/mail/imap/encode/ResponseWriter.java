package io.quire.mail.imap.encode;

import io.quire.mail.imap.protocol.Flag;
import io.quire.mail.imap.protocol.ImapChars;
import io.quire.mail.imap.protocol.MailboxName;
import io.quire.mail.imap.protocol.ResponseCode;
import io.quire.mail.imap.protocol.ResponseStatus;
import io.quire.mail.imap.protocol.SequenceSet;
import io.quire.mail.imap.protocol.Tag;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Optional;

/**
 * Writes server responses into a Vert.x {@link Buffer}, choosing the right string form for every value.
 *
 * <p>Elements are separated by single spaces automatically: after a line prefix ({@link #untagged()},
 * {@link #tagged}, {@link #continuation()}) and after {@link #openList()} no space is written, before any
 * other element one is. So {@code w.untagged().number(3).atom("FETCH").openList().atom("UID").number(9)
 * .closeList().crlf()} gives {@code * 3 FETCH (UID 9)\r\n}.
 *
 * <p>Strings (RFC 9051 §4.3) are quoted when that is possible: printable text with {@code "} and
 * {@code \} escaped; 8-bit octets only when the client enabled UTF8=ACCEPT (RFC 6855 §3) and they are valid
 * UTF-8. Anything with CR, LF or NUL, 8-bit text otherwise, and long values become literals.
 *
 * <p>No I/O: the session writes {@link #buffer()} to the socket.
 */
public final class ResponseWriter {
    /** Strings longer than this are sent as literals; quoted strings are meant to be short. */
    public static final int MAX_QUOTED = 1024;

    private final Buffer out;
    private final boolean utf8;
    private boolean needSpace;

    /** A writer into a fresh buffer. */
    public ResponseWriter(boolean utf8Accept) {
        this(Buffer.buffer(256), utf8Accept);
    }

    /** A writer appending to {@code out}; {@code utf8Accept} is whether UTF8=ACCEPT is enabled. */
    public ResponseWriter(Buffer out, boolean utf8Accept) {
        this.out = out;
        this.utf8 = utf8Accept;
    }

    /** The written octets. */
    public Buffer buffer() {
        return out;
    }

    /** The written octets, copied. */
    public byte[] toBytes() {
        return out.getBytes();
    }

    @Override
    public String toString() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Starts an untagged response: {@code * }. */
    public ResponseWriter untagged() {
        return prefix("* ");
    }

    /** Starts a tagged response: {@code tag }. */
    public ResponseWriter tagged(Tag tag) {
        return prefix(tag.value() + " ");
    }

    /** Starts a continuation request: {@code + }. */
    public ResponseWriter continuation() {
        return prefix("+ ");
    }

    private ResponseWriter prefix(String p) {
        out.appendString(p, "US-ASCII");
        needSpace = false;
        return this;
    }

    /** Ends the line with CRLF. */
    public ResponseWriter crlf() {
        out.appendString("\r\n");
        needSpace = false;
        return this;
    }

    /** Writes an atom (checked against the ATOM-CHAR grammar, system flags allowed). */
    public ResponseWriter atom(String atom) {
        String body = atom.startsWith("\\") ? atom.substring(1) : atom;
        if (!ImapChars.isAtom(body) && !atom.equals("\\*")) {
            throw new IllegalArgumentException("not an atom: " + atom);
        }
        return raw(atom);
    }

    /**
     * Writes pre-formatted ASCII, such as a fetch item label {@code BODY[1.2]<0>}, with the usual separating
     * space but no checking.
     */
    public ResponseWriter raw(String text) {
        space();
        out.appendString(text, "US-ASCII");
        needSpace = true;
        return this;
    }

    /** Writes a number. */
    public ResponseWriter number(long n) {
        return raw(Long.toString(n));
    }

    /** Writes {@code NIL}. */
    public ResponseWriter nil() {
        return raw("NIL");
    }

    /** Opens a parenthesised list. */
    public ResponseWriter openList() {
        space();
        out.appendByte((byte) '(');
        needSpace = false;
        return this;
    }

    /**
     * Makes the next element follow without a space, as the grammar requires between the parts of a multipart
     * body ({@code 1*body}) and between addresses ({@code 1*address}).
     */
    public ResponseWriter glue() {
        needSpace = false;
        return this;
    }

    /** Closes a parenthesised list. */
    public ResponseWriter closeList() {
        out.appendByte((byte) ')');
        needSpace = true;
        return this;
    }

    /** Writes a string, quoted or as a literal (see the class comment). */
    public ResponseWriter string(String value) {
        return string(value.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes octets as a string, quoted or as a literal. */
    public ResponseWriter string(byte[] value) {
        if (!Quoting.canQuote(value, utf8)) {
            return literal(value);
        }
        space();
        out.appendByte((byte) '"');
        for (byte b : value) {
            if (b == '"' || b == '\\') {
                out.appendByte((byte) '\\');
            }
            out.appendByte(b);
        }
        out.appendByte((byte) '"');
        needSpace = true;
        return this;
    }

    /** Writes a string or NIL. */
    public ResponseWriter nstring(Optional<String> value) {
        return value.isPresent() ? string(value.get()) : nil();
    }

    /** Writes an astring: an atom when the value allows it, else a string. */
    public ResponseWriter astring(String value) {
        return ImapChars.isAstringAtom(value) ? raw(value) : string(value);
    }

    /** Writes a literal {@code {n}CRLF} followed by the octets. */
    public ResponseWriter literal(byte[] value) {
        space();
        out.appendString("{" + value.length + "}\r\n").appendBytes(value);
        needSpace = true;
        return this;
    }

    /** Writes a literal8 {@code ~{n}CRLF} for BINARY data that may contain NUL (RFC 3516 §4.2). */
    public ResponseWriter literal8(byte[] value) {
        space();
        out.appendString("~{" + value.length + "}\r\n").appendBytes(value);
        needSpace = true;
        return this;
    }

    /** Writes a mailbox name in the session's encoding (modified UTF-7, or UTF-8 under UTF8=ACCEPT). */
    public ResponseWriter mailbox(MailboxName name) {
        return string(name.toWire(utf8));
    }

    /** Writes a quoted {@code date-time}, as INTERNALDATE needs: {@code "17-Jul-1996 02:44:25 -0700"}. */
    public ResponseWriter dateTime(OffsetDateTime time) {
        return raw('"' + Quoting.dateTime(time) + '"');
    }

    /** Writes a parenthesised flag list. */
    public ResponseWriter flags(Collection<Flag> flags) {
        openList();
        for (Flag f : flags) {
            raw(f.name());
        }
        return closeList();
    }

    /** Writes a sequence set or UID set. */
    public ResponseWriter sequenceSet(SequenceSet set) {
        return raw(set.format());
    }

    /** Writes {@code [code]}. */
    public ResponseWriter code(ResponseCode code) {
        space();
        out.appendByte((byte) '[');
        needSpace = false;
        ResponseCodes.write(this, code);
        out.appendByte((byte) ']');
        needSpace = true;
        return this;
    }

    /**
     * Writes human-readable response text to the end of the line. CR, LF and other controls become spaces;
     * without UTF8=ACCEPT, non-ASCII characters become {@code ?} (RFC 9051 {@code text = 1*TEXT-CHAR}).
     */
    public ResponseWriter text(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7f) {
                sb.append(' ');
            } else if (c > 0x7f && !utf8) {
                sb.append('?');
            } else {
                sb.appendCodePoint(c);
            }
        });
        if (!sb.isEmpty()) {
            space();
            out.appendString(sb.toString(), "UTF-8");
            needSpace = true;
        }
        return this;
    }

    /** Writes {@code STATUS [code] text}: the body of a status response after its prefix. */
    public ResponseWriter status(ResponseStatus status, Optional<ResponseCode> code, String text) {
        raw(status.name());
        code.ifPresent(this::code);
        return text(text);
    }

    /** A whole tagged status response line, e.g. {@code a1 OK [READ-WRITE] SELECT completed\r\n}. */
    public static Buffer tagged(Tag tag, ResponseStatus status, Optional<ResponseCode> code, String text, boolean utf8) {
        return new ResponseWriter(utf8).tagged(tag).status(status, code, text).crlf().buffer();
    }

    /** A whole untagged status response line, e.g. {@code * OK [UIDNEXT 5] Predicted next UID\r\n}. */
    public static Buffer untagged(ResponseStatus status, Optional<ResponseCode> code, String text, boolean utf8) {
        return new ResponseWriter(utf8).untagged().status(status, code, text).crlf().buffer();
    }

    /** Writes plain text inside a response code argument, where {@code ]} is not allowed either. */
    void codeText(String text) {
        text(text.replace(']', ')'));
    }

    private void space() {
        if (needSpace) {
            out.appendByte((byte) ' ');
        }
    }
}
