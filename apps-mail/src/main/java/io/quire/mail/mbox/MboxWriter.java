package io.quire.mail.mbox;

import io.quire.mail.maildir.ImportedMessage;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Writes messages as an mbox file: a {@code From_} line, the message with separator-like lines quoted, an empty
 * line.
 *
 * <p>The {@code From_} line names the envelope sender from the message's {@code Return-Path:} (or
 * {@code MAILER-DAEMON}) and the internal date in UTC ctime form, which {@link MboxReader} reads back to the
 * second. A message that does not end with a line end gets one, since mbox cannot represent its absence; every
 * other byte is kept (with {@link MboxFormat#MBOXRD}, reading gives back exactly what was written).
 */
public final class MboxWriter implements Closeable {

    /**
     * How to write.
     *
     * @param format how to quote {@code From } lines in bodies
     * @param rewriteStatus whether to replace the {@code Status:}, {@code X-Status:} and {@code X-Keywords:}
     *     fields with ones stating the message's flags, so mutt and Dovecot show them; this changes the bytes
     */
    public record Options(MboxFormat format, boolean rewriteStatus) {
        /** Requires a format. */
        public Options {
            Objects.requireNonNull(format, "format");
        }

        /** mboxrd, bytes untouched. */
        public static Options defaults() {
            return new Options(MboxFormat.MBOXRD, false);
        }
    }

    private static final Pattern RETURN_PATH = Pattern.compile("\\s*<([^<>\\s]*)>\\s*");
    private final OutputStream out;
    private final Options options;

    private MboxWriter(OutputStream out, Options options) {
        this.out = out;
        this.options = options;
    }

    /** Writes to a stream; {@link #close()} closes it. */
    public static MboxWriter create(OutputStream out, Options options) {
        return new MboxWriter(new BufferedOutputStream(out, 64 * 1024), options);
    }

    /** Creates (or truncates) an mbox file. */
    public static MboxWriter create(Path file, Options options) throws IOException {
        return create(Files.newOutputStream(file), options);
    }

    /** Appends one message. */
    public void write(ImportedMessage message) throws IOException {
        byte[] raw = message.raw();
        if (options.rewriteStatus()) {
            raw = HeaderFields.replace(raw, MboxStatus.FIELDS,
                    MboxStatus.fields(message.flags(), HeaderFields.lineEnd(raw)));
        }
        out.write(FromLine.format(sender(raw), message.internalDate()).getBytes(StandardCharsets.US_ASCII));
        out.write('\n');
        int lineStart = 0;
        while (lineStart < raw.length) {
            int lf = HeaderFields.indexOf(raw, (byte) '\n', lineStart);
            int lineEnd = lf < 0 ? raw.length : lf + 1;
            if (needsQuote(raw, lineStart, lineEnd)) {
                out.write('>');
            }
            out.write(raw, lineStart, lineEnd - lineStart);
            lineStart = lineEnd;
        }
        if (raw.length > 0 && raw[raw.length - 1] != '\n') {
            out.write('\n');
        }
        out.write('\n');
    }

    private boolean needsQuote(byte[] raw, int start, int end) {
        int i = start;
        if (options.format() == MboxFormat.MBOXRD) {
            while (i < end && raw[i] == '>') {
                i++;
            }
        }
        return end - i >= 5 && raw[i] == 'F' && raw[i + 1] == 'r' && raw[i + 2] == 'o' && raw[i + 3] == 'm'
                && raw[i + 4] == ' ';
    }

    /** The envelope sender for the {@code From_} line: {@code Return-Path:}'s address, without spaces. */
    private static String sender(byte[] raw) {
        for (String[] field : HeaderFields.of(raw)) {
            if (field[0].equalsIgnoreCase("return-path")) {
                var m = RETURN_PATH.matcher(field[1]);
                if (m.matches() && !m.group(1).isEmpty()) {
                    return m.group(1);
                }
                break;
            }
        }
        return "MAILER-DAEMON";
    }

    /** Flushes and closes the output. */
    @Override
    public void close() throws IOException {
        out.close();
    }
}
