package io.quire.mail.smtp.core;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Parses one command line (without its line end) into a {@link Command}; never throws on client input.
 *
 * <p>Verbs are case-insensitive (RFC 5321 §2.4). We accept a space after {@code FROM:}/{@code TO:}, which the RFC
 * grammar forbids but old clients send and Postfix and Exim accept: being strict here buys nothing.
 */
public final class CommandParser {

    // RFC 5321 §4.1.1.1: Domain / address-literal; we also allow "_" since real host names carry it.
    private static final Pattern HELO_NAME =
            Pattern.compile("[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?\\.?|\\[[\\x21-\\x5a\\x5e-\\x7e]+]");
    private static final Pattern KEYWORD = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]*");

    private CommandParser() {
    }

    /** Parses the line's bytes; the line end must already be removed. */
    public static Command parse(byte[] line) {
        String text;
        try {
            // RFC 6531 allows UTF-8 in MAIL/RCPT arguments; anything that is not valid UTF-8 is garbage.
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(line)).toString();
        } catch (CharacterCodingException e) {
            return new Command.Invalid(Replies.BAD_UTF8);
        }
        int space = text.indexOf(' ');
        String verb = (space < 0 ? text : text.substring(0, space)).toUpperCase(Locale.ROOT);
        String args = space < 0 ? "" : text.substring(space + 1);
        return switch (verb) {
            case "HELO" -> hello(Command.Greeting.HELO, args);
            case "EHLO" -> hello(Command.Greeting.EHLO, args);
            case "LHLO" -> hello(Command.Greeting.LHLO, args);
            case "MAIL" -> mail(args);
            case "RCPT" -> rcpt(args);
            case "DATA" -> noArgs(args, new Command.Data(), "DATA");
            case "RSET" -> noArgs(args, new Command.Rset(), "RSET");
            case "QUIT" -> noArgs(args, new Command.Quit(), "QUIT");
            case "STARTTLS" -> noArgs(args, new Command.StartTls(), "STARTTLS");
            case "NOOP" -> new Command.Noop();
            case "HELP" -> new Command.Help();
            case "VRFY" -> args.isBlank() ? invalid("VRFY address") : new Command.Vrfy();
            default -> new Command.Invalid(Replies.UNKNOWN_COMMAND);
        };
    }

    private static Command hello(Command.Greeting kind, String args) {
        String name = args.strip();
        // A domain name is at most 255 octets (RFC 1035 §2.3.4); the bound also keeps Received: lines short.
        if (name.length() > 255 || !HELO_NAME.matcher(name).matches()) {
            return invalid(kind + " hostname");
        }
        return new Command.Hello(kind, name);
    }

    private static Command noArgs(String args, Command command, String usage) {
        return args.isBlank() ? command : invalid(usage);
    }

    private static Command mail(String args) {
        if (!args.regionMatches(true, 0, "FROM:", 0, 5)) {
            return invalid("MAIL FROM:<address>");
        }
        int at = skipSpaces(args, 5);
        PathSyntax.Scanned path = PathSyntax.scan(args, at, true, false);
        if (!path.ok()) {
            return new Command.Invalid(Replies.BAD_SENDER);
        }
        String rest = args.substring(path.end());
        if (!rest.isEmpty() && rest.charAt(0) != ' ') {
            return new Command.Invalid(Replies.BAD_SENDER);
        }
        return mailWithParameters(path.mailbox(), rest.strip());
    }

    private static Command rcpt(String args) {
        if (!args.regionMatches(true, 0, "TO:", 0, 3)) {
            return invalid("RCPT TO:<address>");
        }
        int at = skipSpaces(args, 3);
        PathSyntax.Scanned path = PathSyntax.scan(args, at, false, true);
        if (!path.ok()) {
            return new Command.Invalid(Replies.BAD_RECIPIENT);
        }
        String rest = args.substring(path.end()).strip();
        if (rest.isEmpty()) {
            return new Command.Rcpt(path.mailbox(), null);
        }
        if (args.charAt(path.end()) != ' ') {
            return new Command.Invalid(Replies.BAD_RECIPIENT);
        }
        String keyword = rest.split("[ =]", 2)[0];
        return KEYWORD.matcher(keyword).matches() ? new Command.Rcpt(path.mailbox(), keyword)
                : invalid("RCPT TO:<address>");
    }

    /** {@code Mail-parameters = esmtp-param *(SP esmtp-param)}, {@code esmtp-param = keyword ["=" value]}. */
    private static Command mailWithParameters(String reversePath, String params) {
        OptionalLong size = OptionalLong.empty();
        boolean eightBit = false;
        boolean utf8 = false;
        boolean bodySeen = false;
        if (params.isEmpty()) {
            return new Command.Mail(reversePath, MailParameters.NONE);
        }
        for (String param : params.split(" +")) {
            int eq = param.indexOf('=');
            String keyword = (eq < 0 ? param : param.substring(0, eq)).toUpperCase(Locale.ROOT);
            String value = eq < 0 ? null : param.substring(eq + 1);
            if (!KEYWORD.matcher(keyword).matches()) {
                return invalid("MAIL FROM:<address> [SIZE=n] [BODY=7BIT|8BITMIME] [SMTPUTF8]");
            }
            switch (keyword) {
                case "SIZE" -> {
                    // RFC 1870 §3: size-value = 1*20DIGIT; a value too big for a long is simply too big.
                    if (size.isPresent() || value == null || !value.matches("[0-9]{1,20}")) {
                        return invalid("SIZE=<octets>");
                    }
                    size = OptionalLong.of(value.length() > 18 ? Long.MAX_VALUE : Long.parseLong(value));
                }
                case "BODY" -> {
                    if (bodySeen || value == null) {
                        return invalid("BODY=7BIT|8BITMIME");
                    }
                    switch (value.toUpperCase(Locale.ROOT)) {
                        case "7BIT" -> eightBit = false;
                        case "8BITMIME" -> eightBit = true;
                        default -> {
                            return invalid("BODY=7BIT|8BITMIME");
                        }
                    }
                    bodySeen = true;
                }
                case "SMTPUTF8" -> {
                    // RFC 6531 §3.4: the parameter takes no value.
                    if (utf8 || value != null) {
                        return invalid("SMTPUTF8");
                    }
                    utf8 = true;
                }
                default -> {
                    return new Command.Invalid(Replies.unsupportedParameter(keyword));
                }
            }
        }
        return new Command.Mail(reversePath, new MailParameters(size, eightBit, utf8, true));
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private static Command invalid(String usage) {
        return new Command.Invalid(Replies.syntax(usage));
    }
}
