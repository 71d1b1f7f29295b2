package io.quire.mail.imap.handler;

import io.quire.mail.imap.parse.Authenticate;
import io.quire.mail.imap.protocol.ResponseCode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * AUTHENTICATE PLAIN (RFC 9051 §6.2.2, RFC 4616), with the initial response on the command line (SASL-IR,
 * RFC 4959) or after an empty challenge.
 */
final class AuthenticateHandler implements CommandHandler<Authenticate> {
    @Override
    public Validity validity() {
        return Validity.NOT_AUTHENTICATED;
    }

    @Override
    public Outcome handle(Authenticate command, CommandContext ctx) {
        if (!command.mechanism().equals("PLAIN")) {
            return Outcome.Done.no(ResponseCode.Plain.CANNOT, Texts.AUTH_MECHANISM);
        }
        if (!Capabilities.loginAllowed(ctx.session(), ctx.services().config())) {
            return Outcome.Done.no(ResponseCode.Plain.PRIVACYREQUIRED, Texts.PRIVACY_REQUIRED);
        }
        if (command.initialResponse().isPresent()) {
            return plain(command.initialResponse().get(), ctx);
        }
        return new Outcome.Challenge("", AuthenticateHandler::respond);
    }

    private static Outcome respond(String line, CommandContext ctx) {
        if (line.equals("*")) {
            return Outcome.Done.bad(Texts.AUTH_CANCELLED);
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(line.trim());
        } catch (IllegalArgumentException e) {
            return Outcome.Done.bad(Texts.AUTH_MALFORMED);
        }
        return plain(decoded, ctx);
    }

    /** {@code message = [authzid] NUL authcid NUL passwd} (RFC 4616 §2). */
    private static Outcome plain(byte[] message, CommandContext ctx) {
        String text = new String(message, StandardCharsets.UTF_8);
        String[] parts = text.split("\0", -1);
        if (parts.length != 3 || parts[1].isEmpty()) {
            return Outcome.Done.bad(Texts.AUTH_MALFORMED);
        }
        if (!parts[0].isEmpty() && !parts[0].equalsIgnoreCase(parts[1])) {
            return Outcome.Done.no(ResponseCode.Plain.AUTHORIZATIONFAILED, Texts.AUTHZ_FAILED);
        }
        return Authentication.login(ctx, parts[1], parts[2]);
    }
}
