package io.quire.mail.maildir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A folder's {@code dovecot-keywords} file: which keyword each letter {@code a..z} of the file names stands for.
 *
 * <pre>
 * 0 $Junk
 * 1 $NonJunk
 * </pre>
 */
public final class DovecotKeywords {

    /** The file name, in each folder's directory. */
    public static final String FILE = "dovecot-keywords";

    private DovecotKeywords() {
    }

    /** The keywords by index ({@code null} for gaps); empty when there is no file. Bad lines are skipped. */
    public static List<String> read(Path folderDir) throws IOException {
        Path file = folderDir.resolve(FILE);
        var keywords = new ArrayList<String>();
        if (!Files.isRegularFile(file)) {
            return keywords;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            int space = line.indexOf(' ');
            if (space < 1) {
                continue;
            }
            int index;
            try {
                index = Integer.parseInt(line.substring(0, space));
            } catch (NumberFormatException e) {
                continue;
            }
            if (index < 0 || index >= 26) {
                continue;
            }
            while (keywords.size() <= index) {
                keywords.add(null);
            }
            keywords.set(index, line.substring(space + 1));
        }
        return keywords;
    }

    /** Writes the file, one {@code index keyword} line per letter in use. */
    public static void write(Path folderDir, List<String> keywords) throws IOException {
        var sb = new StringBuilder();
        for (int i = 0; i < keywords.size(); i++) {
            sb.append(i).append(' ').append(keywords.get(i)).append('\n');
        }
        Files.writeString(folderDir.resolve(FILE), sb, StandardCharsets.UTF_8);
    }
}
