package io.quire.mail.mime;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Locates the MIME structure of a message: header blocks, multipart boundaries (RFC 2046 §5.1.1) and
 * encapsulated messages, as offsets into the original octets.
 *
 * <p>Why not mime4j's {@code MimeStreamParser}: it does not expose octet offsets, and IMAP needs exact
 * ones: BODY[1.2] must return the original octets, and the sizes in BODYSTRUCTURE must equal the lengths
 * BODY[n] returns. mime4j still decodes the transfer encodings ({@link TransferDecoding}) and encoded-word
 * subjects ({@link MessageSummary}), and {@code MimeStructureTest} checks that the structure found here
 * agrees with mime4j's permissive parser on the whole corpus.
 *
 * <p>Lenient like mime4j's permissive mode: bare LF line ends, a missing close delimiter (the last part
 * runs to the end), boundaries with trailing blanks. Multiparts without a boundary or without any part are
 * read as text/plain (RFC 2045 §5.2 default for invalid types); nesting deeper than {@value #MAX_DEPTH}
 * and encoded message/rfc822 bodies are reported as application/octet-stream leaves.
 */
public final class MimeParser {
    /** Deepest nesting expanded; guards the stack against hostile messages. */
    public static final int MAX_DEPTH = 40;

    private MimeParser() {
    }

    /** Parses a whole message. */
    public static MimePart parse(byte[] message) {
        return entity(message, 0, message.length, MediaType.DEFAULT, 0);
    }

    private static MimePart entity(byte[] b, int start, int end, MediaType fallback, int depth) {
        Headers headers = Headers.parse(b, start, end);
        MediaType type = MediaType.of(headers, fallback);
        String encoding = encoding(headers);
        List<MimePart> children = List.of();
        Optional<MimePart> message = Optional.empty();
        if (type.isMultipart()) {
            String boundary = type.param("boundary");
            if (boundary == null || boundary.isEmpty()) {
                type = MediaType.DEFAULT;
            } else if (depth >= MAX_DEPTH) {
                type = MediaType.OPAQUE;
            } else {
                List<int[]> ranges = split(b, headers.bodyStart(), end, boundaryBytes(boundary));
                if (ranges.isEmpty()) {
                    type = MediaType.DEFAULT;
                } else {
                    MediaType childDefault = type.subtype().equals("digest") ? MediaType.DIGEST_DEFAULT : MediaType.DEFAULT;
                    List<MimePart> parts = new ArrayList<>(ranges.size());
                    for (int[] r : ranges) {
                        parts.add(entity(b, r[0], r[1], childDefault, depth + 1));
                    }
                    children = parts;
                }
            }
        } else if (type.isMessage()) {
            if (depth >= MAX_DEPTH || !isIdentity(encoding)) {
                type = MediaType.OPAQUE;
            } else {
                message = Optional.of(entity(b, headers.bodyStart(), end, MediaType.DEFAULT, depth + 1));
            }
        }
        return new MimePart(headers, end, type, encoding, children, message);
    }

    /** The Content-Transfer-Encoding token, lower-cased, without trailing junk; {@code 7bit} when absent. */
    static String encoding(Headers headers) {
        String value = headers.text("Content-Transfer-Encoding").orElse("");
        int cut = 0;
        while (cut < value.length() && value.charAt(cut) > 0x20 && value.charAt(cut) != ';' && value.charAt(cut) != '(') {
            cut++;
        }
        String token = value.substring(0, cut).toLowerCase(Locale.ROOT);
        return token.isEmpty() ? "7bit" : token;
    }

    /** Whether the encoding leaves octets as they are (RFC 2045 §6.2). */
    static boolean isIdentity(String encoding) {
        return encoding.equals("7bit") || encoding.equals("8bit") || encoding.equals("binary");
    }

    private static byte[] boundaryBytes(String boundary) {
        return boundary.getBytes(boundary.chars().allMatch(c -> c < 0x80)
                ? StandardCharsets.US_ASCII : StandardCharsets.UTF_8);
    }

    /**
     * The body parts of a multipart body {@code [from, to)}: each runs from after a delimiter line to the
     * line break before the next delimiter, which belongs to that delimiter (RFC 2046 §5.1.1).
     */
    static List<int[]> split(byte[] b, int from, int to, byte[] boundary) {
        List<int[]> parts = new ArrayList<>();
        int partStart = -1;
        int pos = from;
        while (pos < to) {
            int next = Headers.lineEnd(b, pos, to);
            int kind = delimiter(b, pos, next, boundary);
            if (kind != 0) {
                if (partStart >= 0) {
                    parts.add(new int[] {partStart, Math.max(partStart, lineBreakBefore(b, from, pos))});
                }
                if (kind == 2) {
                    return parts;
                }
                partStart = next;
            }
            pos = next;
        }
        if (partStart >= 0) {
            parts.add(new int[] {partStart, to});
        }
        return parts;
    }

    /** 0: not a delimiter; 1: {@code --boundary}; 2: close delimiter {@code --boundary--}. */
    private static int delimiter(byte[] b, int pos, int lineEnd, byte[] boundary) {
        int n = boundary.length;
        if (lineEnd - pos < n + 2 || b[pos] != '-' || b[pos + 1] != '-') {
            return 0;
        }
        for (int i = 0; i < n; i++) {
            if (b[pos + 2 + i] != boundary[i]) {
                return 0;
            }
        }
        int i = pos + 2 + n;
        if (i + 1 < lineEnd && b[i] == '-' && b[i + 1] == '-') {
            return 2;
        }
        // RFC 2046 §5.1.1: only transport padding (blanks) may follow the boundary on its line.
        while (i < lineEnd && (HeaderText.isBlank(b[i]) || b[i] == '\r' || b[i] == '\n')) {
            i++;
        }
        return i == lineEnd ? 1 : 0;
    }

    private static int lineBreakBefore(byte[] b, int from, int pos) {
        if (pos > from && b[pos - 1] == '\n') {
            pos--;
            if (pos > from && b[pos - 1] == '\r') {
                pos--;
            }
        }
        return pos;
    }
}
