package io.quire.mail.mime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The shared real-mail corpus ({@code ../shared/corpus} from the project root), read for tests. */
final class Corpus {
    private Corpus() {
    }

    /** One message of the corpus. */
    record Message(String name, byte[] bytes) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Path root() {
        Path p = io.quire.mail.maildir.Fixtures.CORPUS; // the one place that locates the corpus
        return Files.isDirectory(p) ? p : null;
    }

    static byte[] file(String relative) {
        try {
            return Files.readAllBytes(root().resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The individual message files (mail-gem and MimeKit). */
    static List<Message> files() {
        List<Message> out = new ArrayList<>();
        for (String dir : List.of("mail-gem/emails", "mimekit/messages", "mimekit/partial", "mimekit/tnef")) {
            try (Stream<Path> paths = Files.walk(root().resolve(dir))) {
                paths.filter(Files::isRegularFile).sorted().forEach(p -> {
                    try {
                        out.add(new Message(root().relativize(p).toString(), Files.readAllBytes(p)));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /** The messages of an mboxrd file: split at {@code From } lines, {@code >From} unquoted. */
    static List<Message> mbox(String relative) {
        byte[] all = file(relative);
        String text = new String(all, StandardCharsets.ISO_8859_1);
        List<Message> out = new ArrayList<>();
        String[] lines = text.split("(?<=\n)");
        StringBuilder current = null;
        for (String line : lines) {
            if (line.startsWith("From ")) {
                if (current != null) {
                    out.add(message(relative, out.size(), current));
                }
                current = new StringBuilder();
                continue;
            }
            if (current != null) {
                current.append(line.matches("^>+From .*(\\n)?$") ? line.substring(1) : line);
            }
        }
        if (current != null) {
            out.add(message(relative, out.size(), current));
        }
        return out;
    }

    private static Message message(String mbox, int index, StringBuilder text) {
        return new Message(mbox + "#" + index, text.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Every message: the files and all four SpamAssassin mboxes. */
    static List<Message> all() {
        List<Message> out = new ArrayList<>(files());
        for (String m : List.of("spamassassin/easy-ham-1.mbox", "spamassassin/easy-ham-2.mbox",
                "spamassassin/hard-ham-1.mbox", "spamassassin/spam-1.mbox")) {
            out.addAll(mbox(m));
        }
        return out;
    }

    /** LF line ends turned into CRLF, as a store would keep them for IMAP. */
    static byte[] crlf(byte[] lf) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(lf.length + lf.length / 20);
        for (int i = 0; i < lf.length; i++) {
            if (lf[i] == '\n' && (i == 0 || lf[i - 1] != '\r')) {
                out.write('\r');
            }
            out.write(lf[i]);
        }
        return out.toByteArray();
    }
}
