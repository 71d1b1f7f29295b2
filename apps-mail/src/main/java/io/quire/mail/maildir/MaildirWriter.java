package io.quire.mail.maildir;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Writes messages into a Maildir++ tree that Dovecot, Courier and mutt read.
 *
 * <ul>
 *   <li>Folder {@code A/B} goes to {@code .A.B} (modified UTF-7 levels) with a {@code maildirfolder} marker;
 *       INBOX to the root.</li>
 *   <li>Each message is written to {@code tmp/} and renamed into {@code cur/<unique>:2,<letters>}, letters in
 *       ASCII order, as the Maildir delivery protocol asks; a message whose only flag is {@code \Recent} goes to
 *       {@code new/} instead (with its info part if it has other flags too, so nothing is lost). The file's
 *       modification time is set to the internal date, which Dovecot reads back as INTERNALDATE.</li>
 *   <li>On {@link #close()}: each folder's {@code dovecot-keywords} (when it has keywords) and
 *       {@code dovecot-uidlist} (when its UIDVALIDITY is known; messages without a UID get new ones above the
 *       highest), and the root's {@code subscriptions}.</li>
 * </ul>
 *
 * <p>What cannot be written exactly is written as closely as possible and listed in {@link #notes()}: a
 * {@code .} inside a folder level (the Maildir++ separator), a 27th keyword in one folder (only {@code a..z}
 * exist), a UID used twice or from another UIDVALIDITY. Not thread-safe.
 */
public final class MaildirWriter implements Closeable {

    /**
     * How to write.
     *
     * @param lineEnding applied to each message ({@link LineEnding#LF} is what Unix Maildir tools write)
     * @param hostname the host part of unique file names
     */
    public record Options(LineEnding lineEnding, String hostname) {
        /** Requires both. */
        public Options {
            Objects.requireNonNull(lineEnding, "lineEnding");
            Objects.requireNonNull(hostname, "hostname");
        }

        /** Bytes as they are, host name {@code quire}. */
        public static Options defaults() {
            return new Options(LineEnding.AS_IS, "quire");
        }
    }

    private final Path root;
    private final Options options;
    private final String host;
    private final long pid = ProcessHandle.current().pid();
    private final Map<String, FolderState> folders = new LinkedHashMap<>();
    private final Set<String> subscriptions = new LinkedHashSet<>();
    private final List<String> notes = new ArrayList<>();
    private long sequence;

    private MaildirWriter(Path root, Options options) {
        this.root = root;
        this.options = options;
        // The Maildir spec escapes '/' and ':' in the host part; Dovecot also reads ',' there as a field start.
        this.host = options.hostname().replace("/", "\\057").replace(":", "\\072").replace(",", "\\054");
    }

    /** Creates (or opens) a tree at {@code root}, with the INBOX directories. */
    public static MaildirWriter create(Path root, Options options) throws IOException {
        var writer = new MaildirWriter(root, options);
        writer.folder(ImportedMessage.INBOX);
        return writer;
    }

    /** What could not be written exactly, one human-readable line each. */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    /** Creates a folder even if no message goes into it, with its UIDVALIDITY and next UID if known. */
    public void createFolder(String folder, OptionalLong uidValidity, OptionalLong uidNext) throws IOException {
        FolderState state = folder(ImportedMessage.normalizeFolder(folder));
        if (uidValidity.isPresent()) {
            state.claimValidity(uidValidity.getAsLong(), notes);
        }
        uidNext.ifPresent(n -> state.nextUid = Math.max(state.nextUid, n));
    }

    /** Marks a folder as subscribed. */
    public void subscribe(String folder) {
        subscriptions.add(ImportedMessage.normalizeFolder(folder));
    }

    /** Writes one message; returns its file. */
    public Path write(ImportedMessage message) throws IOException {
        FolderState folder = folder(message.folder());
        var dropped = new ArrayList<String>();
        String letters = MaildirInfo.letters(message.flags(), folder.keywords, dropped);
        if (!dropped.isEmpty()) {
            notes.add(message.folder() + ": no keyword letter left for " + dropped);
        }
        boolean toNew = message.hasFlag(ImportedMessage.RECENT);
        byte[] bytes = options.lineEnding().apply(message.raw());
        long uid = folder.acceptUid(message, notes);
        while (true) {
            String base = uniqueName(message, bytes.length);
            String name = toNew && letters.isEmpty() ? base : base + MaildirInfo.INFO_SEPARATOR + letters;
            Path temp = folder.dir.resolve("tmp").resolve(base);
            Path target = folder.dir.resolve(toNew ? "new" : "cur").resolve(name);
            try {
                Files.write(temp, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException e) {
                continue; // another writer's file: take the next sequence number
            }
            Files.setLastModifiedTime(temp, FileTime.from(message.internalDate()));
            if (Files.exists(target)) {
                Files.delete(temp);
                continue;
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            folder.files.add(new WrittenFile(uid, name));
            return target;
        }
    }

    /**
     * {@code <seconds>.M<microseconds>P<pid>Q<n>.<host>,S=<size>}: time and process make the name unique across
     * writers (cr.yp.to/proto/maildir.html), {@code Q} within this one; {@code ,S=} lets Dovecot skip a stat().
     */
    private String uniqueName(ImportedMessage message, int size) {
        var date = message.internalDate();
        return date.getEpochSecond() + ".M" + date.getNano() / 1000 + "P" + pid + "Q" + (++sequence) + "." + host
                + ",S=" + size;
    }

    private FolderState folder(String folder) throws IOException {
        FolderState state = folders.get(folder);
        if (state != null) {
            return state;
        }
        String writable = MaildirPlusPlus.writableName(folder);
        if (!writable.equals(folder)) {
            notes.add("folder '" + folder + "' written as '" + writable + "': '.' separates Maildir++ levels");
        }
        Path dir = root.resolve(MaildirPlusPlus.directory(folder));
        for (String sub : List.of("cur", "new", "tmp")) {
            Files.createDirectories(dir.resolve(sub));
        }
        if (!dir.equals(root)) {
            Path marker = dir.resolve("maildirfolder");
            if (!Files.exists(marker)) {
                Files.createFile(marker);
            }
        }
        state = new FolderState(folder, dir);
        folders.put(folder, state);
        return state;
    }

    /** Writes the per-folder index files and the subscriptions. */
    @Override
    public void close() throws IOException {
        for (FolderState folder : folders.values()) {
            if (!folder.keywords.isEmpty()) {
                DovecotKeywords.write(folder.dir, folder.keywords);
            }
            if (folder.uidValidity.isPresent()) {
                var byUid = new LinkedHashMap<Long, String>();
                long next = Math.max(folder.nextUid, folder.highestUid() + 1);
                for (WrittenFile file : folder.files) {
                    long uid = file.uid() > 0 ? file.uid() : next++;
                    byUid.put(uid, file.name());
                }
                DovecotUidList.write(folder.dir, folder.uidValidity.getAsLong(), next, byUid);
            }
        }
        if (!subscriptions.isEmpty()) {
            Subscriptions.write(root, subscriptions);
        }
    }

    private record WrittenFile(long uid, String name) {
    }

    /** What the writer remembers about one folder until it writes the index files. */
    private static final class FolderState {
        final String name;
        final Path dir;
        final List<String> keywords = new ArrayList<>();
        final List<WrittenFile> files = new ArrayList<>();
        final Set<Long> usedUids = new java.util.HashSet<>();
        OptionalLong uidValidity = OptionalLong.empty();
        long nextUid = 1;

        FolderState(String name, Path dir) {
            this.name = name;
            this.dir = dir;
        }

        boolean claimValidity(long validity, List<String> notes) {
            if (uidValidity.isEmpty()) {
                uidValidity = OptionalLong.of(validity);
                return true;
            }
            if (uidValidity.getAsLong() != validity) {
                notes.add(name + ": UIDVALIDITY " + validity + " differs from " + uidValidity.getAsLong()
                        + "; the message gets a new UID");
                return false;
            }
            return true;
        }

        /** The message's UID if it can keep it, else 0 (a new one is given on close). */
        long acceptUid(ImportedMessage message, List<String> notes) {
            if (message.uid().isEmpty() || !claimValidity(message.uidValidity().getAsLong(), notes)) {
                return 0;
            }
            long uid = message.uid().getAsLong();
            if (!usedUids.add(uid)) {
                notes.add(name + ": UID " + uid + " used twice; the later message gets a new UID");
                return 0;
            }
            return uid;
        }

        long highestUid() {
            return usedUids.stream().mapToLong(Long::longValue).max().orElse(0);
        }
    }
}
