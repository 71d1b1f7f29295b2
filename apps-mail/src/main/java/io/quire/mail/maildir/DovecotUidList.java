package io.quire.mail.maildir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A folder's {@code dovecot-uidlist}: its UIDVALIDITY, next UID, and the UID of each message by base file name.
 *
 * <p>Version 3 (Dovecot 1.1 and later), per Dovecot's Maildir format documentation:
 * <pre>
 * 3 V1275660208 N25022 G3085f01b7f11094c501100008c4a11c1   header: version, then fields in any order
 * 25006 :1276528487.M364837P9451.kurkku,S=1355,W=1394:2,   uid, optional extension fields, ":" file name
 * 25017 W2481 :1276533073.M242911P3632.kurkku:2,F
 * </pre>
 * Version 1 (Courier's {@code courierimapuiddb} layout) is {@code 1 <uidvalidity> <nextuid>} then
 * {@code <uid> <file name>}. The recorded file name may carry stale flags, so entries are keyed by base name.
 *
 * @param uidValidity the folder's UIDVALIDITY
 * @param nextUid the UID the next message will get
 * @param uids UID by base name (the file name up to {@code :})
 */
public record DovecotUidList(long uidValidity, long nextUid, Map<String, Long> uids) {

    /** The file name, in each folder's directory. */
    public static final String FILE = "dovecot-uidlist";

    /** Copies the map. */
    public DovecotUidList {
        uids = Map.copyOf(uids);
    }

    /**
     * Reads a folder's list; empty when there is none.
     *
     * @throws IOException if it exists but cannot be read or its header is not understood
     */
    public static Optional<DovecotUidList> read(Path folderDir) throws IOException {
        Path file = folderDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        String[] header = lines.get(0).trim().split(" +");
        long validity = 0;
        long next = 0;
        boolean v3 = header[0].equals("3");
        if (v3) {
            for (String field : header) {
                if (field.length() > 1 && field.charAt(0) == 'V') {
                    validity = parse(field.substring(1), file);
                } else if (field.length() > 1 && field.charAt(0) == 'N') {
                    next = parse(field.substring(1), file);
                }
            }
        } else if (header[0].equals("1") && header.length >= 3) {
            validity = parse(header[1], file);
            next = parse(header[2], file);
        } else {
            throw new IOException(file + ": unsupported dovecot-uidlist version " + header[0]);
        }
        var uids = new HashMap<String, Long>();
        for (String line : lines.subList(1, lines.size())) {
            int space = line.indexOf(' ');
            if (space < 1) {
                continue;
            }
            long uid;
            try {
                uid = Long.parseLong(line.substring(0, space));
            } catch (NumberFormatException e) {
                continue;
            }
            String name;
            if (v3) {
                int colon = line.indexOf(':', space);
                if (colon < 0) {
                    continue;
                }
                name = line.substring(colon + 1);
            } else {
                name = line.substring(space + 1).trim();
            }
            uids.put(MaildirInfo.baseName(name), uid);
            next = Math.max(next, uid + 1);
        }
        return Optional.of(new DovecotUidList(validity, next, uids));
    }

    private static long parse(String number, Path file) throws IOException {
        try {
            return Long.parseLong(number);
        } catch (NumberFormatException e) {
            throw new IOException(file + ": bad number " + number, e);
        }
    }

    /**
     * Writes a version 3 list with these entries; {@code files} maps UID to the current file name.
     *
     * <p>Lines are sorted by UID because Dovecot requires it (it appends new UIDs at the end). Written to a
     * temporary file and renamed into place, as Dovecot itself replaces the file.
     */
    public static void write(Path folderDir, long uidValidity, long nextUid, Map<Long, String> files)
            throws IOException {
        var sb = new StringBuilder();
        sb.append("3 V").append(uidValidity).append(" N").append(nextUid).append('\n');
        files.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> sb.append(e.getKey()).append(" :").append(e.getValue()).append('\n'));
        Path temp = folderDir.resolve(FILE + ".tmp");
        Files.writeString(temp, sb, StandardCharsets.UTF_8);
        Files.move(temp, folderDir.resolve(FILE), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
