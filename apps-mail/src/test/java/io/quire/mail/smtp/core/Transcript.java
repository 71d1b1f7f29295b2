package io.quire.mail.smtp.core;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A {@code C:}/{@code S:} transcript file (James {@code mpt} scripts): client lines are sent together, as a
 * pipelining client may, and the server's replies must match exactly.
 *
 * <p>Format: {@code config: key=value ...} (protocol, maxSize, maxRecipients, tls, maxErrors); {@code C: text}
 * sends the text plus CRLF, with escapes {@code \r}, {@code \n}, {@code \\}, {@code \c} (at the end: no CRLF) and
 * <code>${N*x}</code> (N copies of x); {@code S: text} is one expected reply line; {@code #} starts a comment.
 */
record Transcript(String name, SmtpConfig config, byte[] client, String server) {

    static Transcript load(Path file) throws IOException {
        SmtpConfig config = SessionDriver.smtp();
        var client = new ByteArrayOutputStream();
        var server = new StringBuilder();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.startsWith("config:")) {
                config = configure(config, line.substring(7).trim());
            } else if (line.startsWith("C:")) {
                client.writeBytes(clientLine(line.substring(line.length() > 2 && line.charAt(2) == ' ' ? 3 : 2)));
            } else if (line.startsWith("S:")) {
                server.append(line.substring(3)).append("\r\n");
            } else if (!line.isBlank() && !line.startsWith("#")) {
                throw new IllegalArgumentException(file + ": bad line: " + line);
            }
        }
        return new Transcript(file.getFileName().toString(), config, client.toByteArray(), server.toString());
    }

    private static SmtpConfig configure(SmtpConfig config, String settings) {
        for (String setting : settings.split("\\s+")) {
            String[] kv = setting.split("=", 2);
            config = switch (kv[0]) {
                case "protocol" -> new SmtpConfig(Protocol.valueOf(kv[1]), config.serverName(),
                        config.maxMessageSize(), config.maxRecipients(), config.tlsAvailable(), config.maxErrors(),
                        config.clock());
                case "maxSize" -> config.withMaxMessageSize(Long.parseLong(kv[1]));
                case "maxRecipients" -> config.withMaxRecipients(Integer.parseInt(kv[1]));
                case "tls" -> config.withTls(Boolean.parseBoolean(kv[1]));
                case "maxErrors" -> new SmtpConfig(config.protocol(), config.serverName(), config.maxMessageSize(),
                        config.maxRecipients(), config.tlsAvailable(), Integer.parseInt(kv[1]), config.clock());
                default -> throw new IllegalArgumentException("unknown setting " + kv[0]);
            };
        }
        return config;
    }

    static byte[] clientLine(String text) {
        var sb = new StringBuilder();
        boolean crlf = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char e = text.charAt(++i);
                switch (e) {
                    case 'r' -> sb.append('\r');
                    case 'n' -> sb.append('\n');
                    case 'c' -> crlf = false;
                    default -> sb.append(e);
                }
            } else if (c == '$' && text.startsWith("${", i)) {
                int close = text.indexOf('}', i);
                String[] spec = text.substring(i + 2, close).split("\\*", 2);
                sb.append(spec[1].repeat(Integer.parseInt(spec[0])));
                i = close;
            } else {
                sb.append(c);
            }
        }
        if (crlf) {
            sb.append("\r\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
