package io.quire.mail.imap.parse;

import io.quire.mail.imap.protocol.ProtocolException;
import io.quire.mail.imap.protocol.Token;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * Parses {@code AUTHENTICATE SP auth-type [SP (base64 / "=")]} (RFC 9051 §6.2.2, SASL-IR RFC 4959 §3,
 * where {@code =} is an empty initial response).
 */
final class AuthenticateParser {
    private AuthenticateParser() {
    }

    static Authenticate parse(Arguments args) {
        String mechanism = args.atom("authentication mechanism").toUpperCase(Locale.ROOT);
        Optional<byte[]> initial = Optional.empty();
        if (args.hasNext()) {
            String text = switch (args.next("initial response")) {
                case Token.Atom a -> a.text();
                case Token.Str s -> new String(s.bytes(), StandardCharsets.US_ASCII);
                case Token.Group g -> throw ProtocolException.bad("Invalid initial response");
            };
            initial = Optional.of(decode(text));
        }
        args.end();
        return new Authenticate(mechanism, initial);
    }

    /** Decodes a SASL base64 line; also used by sessions for continuation responses. */
    static byte[] decode(String text) {
        if (text.equals("=")) {
            return new byte[0];
        }
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw ProtocolException.bad("Initial response is not valid base64");
        }
    }
}
