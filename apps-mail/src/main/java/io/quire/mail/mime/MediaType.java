package io.quire.mail.mime;

import java.util.List;
import java.util.Locale;

/**
 * An effective content type (RFC 2045 §5), lower-cased, with its parameters.
 *
 * @param type    e.g. {@code text}
 * @param subtype e.g. {@code plain}
 * @param params  the parameters in order
 */
public record MediaType(String type, String subtype, List<Param> params) {
    /** RFC 2045 §5.2's default: {@code text/plain; charset=us-ascii}. */
    public static final MediaType DEFAULT = new MediaType("text", "plain", List.of(new Param("charset", "us-ascii")));
    /** RFC 2046 §5.1.5: inside multipart/digest the default is message/rfc822. */
    public static final MediaType DIGEST_DEFAULT = new MediaType("message", "rfc822", List.of());
    /** What an entity that cannot be expanded (too deep, encoded message) is reported as. */
    public static final MediaType OPAQUE = new MediaType("application", "octet-stream", List.of());

    /** Copies the parameters and lower-cases type and subtype. */
    public MediaType {
        type = type.toLowerCase(Locale.ROOT);
        subtype = subtype.toLowerCase(Locale.ROOT);
        params = List.copyOf(params);
    }

    /** The content type of a header block, or {@code fallback} when absent or invalid (RFC 2045 §5.2). */
    static MediaType of(Headers headers, MediaType fallback) {
        HeaderField field = headers.first("Content-Type").orElse(null);
        if (field == null) {
            return fallback;
        }
        FieldParameters parsed = FieldParameters.parse(headers.message(), field);
        String value = parsed.value();
        int slash = value.indexOf('/');
        if (slash <= 0 || slash == value.length() - 1 || !isToken(value.substring(0, slash))
                || !isToken(value.substring(slash + 1))) {
            // RFC 2045 §5.2: a syntactically invalid Content-Type means the default.
            return DEFAULT;
        }
        return new MediaType(value.substring(0, slash), value.substring(slash + 1), parsed.params());
    }

    /** The first parameter with this name, ignoring case, or null. */
    public String param(String name) {
        for (Param p : params) {
            if (p.name().equalsIgnoreCase(name)) {
                return p.value();
            }
        }
        return null;
    }

    /** Whether this is {@code multipart/*}. */
    public boolean isMultipart() {
        return type.equals("multipart");
    }

    /** Whether this is an encapsulated message: {@code message/rfc822} or {@code message/global} (RFC 6532). */
    public boolean isMessage() {
        return type.equals("message") && (subtype.equals("rfc822") || subtype.equals("global"));
    }

    /** Whether this is {@code text/*}. */
    public boolean isText() {
        return type.equals("text");
    }

    private static boolean isToken(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            // RFC 2045 token: any CHAR except SPACE, CTLs and tspecials.
            if (c <= 0x20 || c >= 0x7f || "()<>@,;:\\\"/[]?=".indexOf(c) >= 0) {
                return false;
            }
        }
        return !s.isEmpty();
    }
}
