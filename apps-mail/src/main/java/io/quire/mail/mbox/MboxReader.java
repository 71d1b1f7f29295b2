package io.quire.mail.mbox;

import io.quire.mail.maildir.ImportResult;
import io.quire.mail.maildir.ImportedMessage;
import io.quire.mail.maildir.LineEnding;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Reads an mbox file (mboxrd or mboxo) one message at a time.
 *
 * <p>A message starts at a {@code From_} line at the start of the file or after an empty line, and ends before the
 * empty line that precedes the next one (or the end of the file): that empty line belongs to the mbox, not to the
 * message. In {@link MboxFormat#MBOXRD}, body lines {@code >From }, {@code >>From }, … lose one {@code >}.
 *
 * <p>The internal date is the {@code From_} line's date, else the {@code Date:} field, else the given fallback
 * (the file's modification time for {@link #open}). Flags come from the {@code Status:}, {@code X-Status:} and
 * {@code X-Keywords:} fields ({@link MboxStatus}).
 *
 * <p>Those fields are left in the message: the raw bytes are the message's identity (RFC822.SIZE, BODY[] and the
 * content-addressed body blob must not depend on which mailbox file it came from), and a client that rewrites
 * them (mutt, Pine) only ever did so for its own bookkeeping. The flags live in the model now; an exporter that
 * wants the fields to match can rewrite them ({@link MboxWriter.Options#rewriteStatus()}).
 */
public final class MboxReader implements Iterator<ImportResult>, Closeable {

    /**
     * How to read.
     *
     * @param format mboxrd (unquote {@code >+From }) or mboxo (leave quoting alone)
     * @param lineEnding applied to each message
     * @param maxMessageSize messages larger than this are skipped and reported, so one broken file (a missing
     *     separator) cannot exhaust memory
     */
    public record Options(MboxFormat format, LineEnding lineEnding, int maxMessageSize) {
        /** Requires a format and a line ending. */
        public Options {
            Objects.requireNonNull(format, "format");
            Objects.requireNonNull(lineEnding, "lineEnding");
        }

        /** mboxrd, bytes as they are, 64 MiB per message. */
        public static Options defaults() {
            return new Options(MboxFormat.MBOXRD, LineEnding.AS_IS, 64 * 1024 * 1024);
        }
    }

    private final InputStream in;
    private final String source;
    private final String folder;
    private final Options options;
    private final Instant fallbackDate;
    private String fromLine;
    private long lineNumber;
    private boolean started;
    private boolean eof;
    private ImportResult next;

    private MboxReader(InputStream in, String source, String folder, Options options, Instant fallbackDate) {
        this.in = in;
        this.source = source;
        this.folder = ImportedMessage.normalizeFolder(folder);
        this.options = options;
        this.fallbackDate = fallbackDate;
    }

    /** Opens an mbox file; messages go to {@code folder}. */
    public static MboxReader open(Path file, String folder, Options options) throws IOException {
        Instant modified = Files.getLastModifiedTime(file).toInstant();
        return new MboxReader(new BufferedInputStream(Files.newInputStream(file), 64 * 1024), file.toString(), folder,
                options, modified.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    /** Reads an mbox from a stream; {@code source} names it in reports. */
    public static MboxReader read(InputStream in, String source, String folder, Options options,
            Instant fallbackDate) {
        return new MboxReader(new BufferedInputStream(in, 64 * 1024), source, folder, options, fallbackDate);
    }

    /** The remaining messages as a stream; closing the stream closes the reader. */
    public Stream<ImportResult> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL),
                false).onClose(() -> {
                    try {
                        close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            next = advance();
        }
        return next != null;
    }

    @Override
    public ImportResult next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        ImportResult result = next;
        next = null;
        return result;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private ImportResult advance() {
        try {
            if (!started) {
                started = true;
                ImportResult skipped = findFirstFromLine();
                if (skipped != null) {
                    return skipped;
                }
            }
            return fromLine == null ? null : readMessage();
        } catch (IOException e) {
            eof = true;
            fromLine = null;
            return new ImportResult.Unreadable(source + ":" + lineNumber, "read failed: " + e.getMessage());
        }
    }

    /** Skips anything before the first {@code From_} line, reporting it. */
    private ImportResult findFirstFromLine() throws IOException {
        long skipped = 0;
        byte[] line;
        while ((line = readLine()) != null) {
            if (startsWithFrom(line, 0)) {
                fromLine = text(line);
                return skipped == 0 ? null : new ImportResult.Unreadable(source + ":1",
                        "skipped " + skipped + " lines before the first From_ line");
            }
            skipped++;
        }
        return skipped == 0 ? null : new ImportResult.Unreadable(source + ":1", "no From_ line: not an mbox");
    }

    private ImportResult readMessage() throws IOException {
        String separator = fromLine;
        long startLine = lineNumber;
        var message = new ByteArrayOutputStream(8192);
        byte[] heldBlank = null;
        boolean tooBig = false;
        fromLine = null;
        byte[] line;
        while ((line = readLine()) != null) {
            if (heldBlank != null && startsWithFrom(line, 0)) {
                fromLine = text(line);
                break;
            }
            if (heldBlank != null) {
                tooBig |= append(message, heldBlank, 0, tooBig);
                heldBlank = null;
            }
            if (isBlank(line)) {
                heldBlank = line;
                continue;
            }
            int skip = options.format() == MboxFormat.MBOXRD && line.length > 0 && line[0] == '>'
                    && quotedFrom(line) ? 1 : 0;
            tooBig |= append(message, line, skip, tooBig);
        }
        if (tooBig) {
            return new ImportResult.Unreadable(source + ":" + startLine,
                    "message larger than " + options.maxMessageSize() + " octets, skipped");
        }
        byte[] raw = options.lineEnding().apply(message.toByteArray());
        Instant date = FromLine.date(separator).or(() -> DateField.parse(raw)).orElse(fallbackDate);
        return new ImportResult.Imported(ImportedMessage.of(folder, raw, MboxStatus.flags(raw), date));
    }

    private boolean append(ByteArrayOutputStream message, byte[] line, int skip, boolean alreadyTooBig) {
        if (alreadyTooBig || (long) message.size() + line.length - skip > options.maxMessageSize()) {
            message.reset();
            return true;
        }
        message.write(line, skip, line.length - skip);
        return false;
    }

    /** {@code >+From }: one {@code >} of it is quoting (mboxrd). */
    private static boolean quotedFrom(byte[] line) {
        int i = 0;
        while (i < line.length && line[i] == '>') {
            i++;
        }
        return startsWithFrom(line, i);
    }

    private static boolean startsWithFrom(byte[] line, int at) {
        return line.length >= at + 5 && line[at] == 'F' && line[at + 1] == 'r' && line[at + 2] == 'o'
                && line[at + 3] == 'm' && line[at + 4] == ' ';
    }

    private static boolean isBlank(byte[] line) {
        return (line.length == 1 && line[0] == '\n') || (line.length == 2 && line[0] == '\r' && line[1] == '\n');
    }

    private static String text(byte[] line) {
        int end = line.length;
        while (end > 0 && (line[end - 1] == '\n' || line[end - 1] == '\r')) {
            end--;
        }
        return new String(line, 0, end, StandardCharsets.ISO_8859_1);
    }

    /** The next line with its LF, or the last bytes without one, or {@code null} at the end. */
    private byte[] readLine() throws IOException {
        if (eof) {
            return null;
        }
        var line = new ByteArrayOutputStream(128);
        int b;
        while ((b = in.read()) >= 0) {
            line.write(b);
            if (b == '\n') {
                lineNumber++;
                return line.toByteArray();
            }
        }
        eof = true;
        return line.size() == 0 ? null : line.toByteArray();
    }
}
