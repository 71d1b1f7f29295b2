package io.quire.mail.maildir;

import io.quire.mail.imap.protocol.ModifiedUtf7;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code subscriptions} file in a Maildir root, as Dovecot reads and writes it
 * ({@code src/lib-storage/list/subscription-file.c}).
 *
 * <p>Version 2 starts with {@code "V\t2\n\n"}; each line is one folder, levels separated by TAB, each level in
 * modified UTF-7 and tab-escaped ({@code \001} introduces {@code 1}, {@code t}, {@code r}, {@code n} for
 * {@code \001}, TAB, CR, LF). Version 1 (no header) has one name per line with {@code .} between levels.
 */
public final class Subscriptions {

    /** The file name, in the Maildir root. */
    public static final String FILE = "subscriptions";
    private static final String V2_HEADER = "V\t2\n\n";

    private Subscriptions() {
    }

    /** The subscribed folder names ('/'-separated), in file order; empty when there is no file. */
    public static Set<String> read(Path root) throws IOException {
        Path file = root.resolve(FILE);
        var names = new LinkedHashSet<String>();
        if (!Files.isRegularFile(file)) {
            return names;
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        boolean v2 = text.startsWith(V2_HEADER);
        for (String line : (v2 ? text.substring(V2_HEADER.length()) : text).split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            var levels = new ArrayList<String>();
            for (String level : line.split(v2 ? "\t" : "\\.", -1)) {
                levels.add(MaildirPlusPlus.decodeLeniently(v2 ? tabUnescape(level) : level));
            }
            if (levels.stream().noneMatch(String::isEmpty)) {
                String name = String.join("/", levels);
                names.add(name.equalsIgnoreCase(ImportedMessage.INBOX) ? ImportedMessage.INBOX : name);
            }
        }
        return names;
    }

    /** Writes a version 2 file. */
    public static void write(Path root, Collection<String> folders) throws IOException {
        var sb = new StringBuilder(V2_HEADER);
        for (String folder : folders) {
            List<String> levels = new ArrayList<>();
            for (String level : MaildirPlusPlus.writableName(folder).split("/")) {
                levels.add(tabEscape(ModifiedUtf7.encode(level)));
            }
            sb.append(String.join("\t", levels)).append('\n');
        }
        Files.writeString(root.resolve(FILE), sb, StandardCharsets.UTF_8);
    }

    private static String tabUnescape(String s) {
        if (s.indexOf('\001') < 0) {
            return s;
        }
        var out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\001' && i + 1 < s.length()) {
                char e = s.charAt(++i);
                out.append(switch (e) {
                    case '1' -> '\001';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    case 'n' -> '\n';
                    default -> e;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String tabEscape(String s) {
        // Modified UTF-7 output is printable ASCII, so only these four could ever need escaping.
        return s.replace("\001", "\0011").replace("\t", "\001t").replace("\r", "\001r").replace("\n", "\001n");
    }
}
