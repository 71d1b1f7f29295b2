package io.quire.mail.maildir;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Reads a Maildir++ tree as Dovecot and Courier lay it out: folders, flags, keywords, UIDs, subscriptions.
 *
 * <p>Messages are streamed: {@link #messages()} lists one folder's file names at a time and reads each file only
 * when the stream reaches it, so a large Maildir is never in memory at once. A file that cannot be read becomes an
 * {@link ImportResult.Unreadable} and the stream goes on.
 *
 * <ul>
 *   <li>Flags come from the file name's info part ({@link MaildirInfo}); keywords via the folder's
 *       {@code dovecot-keywords}.</li>
 *   <li>Messages in {@code new/} have not been seen by any client: they are {@code \Recent} (and not
 *       {@code \Seen}).</li>
 *   <li>The internal date is the file's modification time, which Dovecot also uses as INTERNALDATE; the
 *       {@code ,S=}/{@code ,W=} name fields are only sizes and are not needed since we read the file.</li>
 *   <li>UIDs and UIDVALIDITY come from {@code dovecot-uidlist} when a file is listed there.</li>
 *   <li>{@code tmp/} holds deliveries in progress and is skipped; so are names starting with a dot.</li>
 * </ul>
 */
public final class MaildirReader {

    private final Path root;
    private final LineEnding lineEnding;
    private final List<MaildirFolder> folders;
    private final Set<String> subscriptions;

    private MaildirReader(Path root, LineEnding lineEnding, List<MaildirFolder> folders, Set<String> subscriptions) {
        this.root = root;
        this.lineEnding = lineEnding;
        this.folders = List.copyOf(folders);
        this.subscriptions = subscriptions;
    }

    /** Opens a tree, keeping message bytes as they are. */
    public static MaildirReader open(Path root) throws IOException {
        return open(root, LineEnding.AS_IS);
    }

    /**
     * Opens a tree: finds its folders and reads {@code subscriptions}.
     *
     * @param lineEnding applied to every message read (e.g. {@link LineEnding#CRLF} for the store)
     * @throws IOException if the root itself cannot be listed
     */
    public static MaildirReader open(Path root, LineEnding lineEnding) throws IOException {
        var folders = new ArrayList<MaildirFolder>();
        if (isMaildir(root)) {
            folders.add(folder(ImportedMessage.INBOX, root));
        }
        var sub = new ArrayList<MaildirFolder>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
            for (Path dir : entries) {
                Optional<String> name = MaildirPlusPlus.folderName(dir.getFileName().toString());
                if (name.isPresent() && Files.isDirectory(dir) && isMaildir(dir)) {
                    sub.add(folder(name.get(), dir));
                }
            }
        }
        sub.sort(Comparator.comparing(MaildirFolder::name));
        folders.addAll(sub);
        Set<String> subscriptions;
        try {
            subscriptions = Subscriptions.read(root);
        } catch (IOException e) {
            subscriptions = Set.of();
        }
        return new MaildirReader(root, lineEnding, folders, subscriptions);
    }

    private static boolean isMaildir(Path dir) {
        return Files.isDirectory(dir.resolve("cur")) || Files.isDirectory(dir.resolve("new"));
    }

    private static MaildirFolder folder(String name, Path dir) {
        Optional<DovecotUidList> list;
        try {
            list = DovecotUidList.read(dir);
        } catch (IOException e) {
            list = Optional.empty(); // reported again, with its reason, when the folder's messages are read
        }
        return new MaildirFolder(name, dir,
                list.map(l -> OptionalLong.of(l.uidValidity())).orElse(OptionalLong.empty()),
                list.map(l -> OptionalLong.of(l.nextUid())).orElse(OptionalLong.empty()));
    }

    /** The tree's root. */
    public Path root() {
        return root;
    }

    /** The folders: INBOX first (if the root is a Maildir), then the others by name. */
    public List<MaildirFolder> folders() {
        return folders;
    }

    /** The folders listed in the {@code subscriptions} file. */
    public Set<String> subscriptions() {
        return subscriptions;
    }

    /** Every message of every folder, folder by folder, read lazily. */
    public Stream<ImportResult> messages() {
        return folders.stream().flatMap(this::messages);
    }

    /** One folder's messages, by UID where known, then by file name (which starts with the delivery time). */
    public Stream<ImportResult> messages(MaildirFolder folder) {
        var problems = new ArrayList<ImportResult>();
        List<String> keywords = List.of();
        try {
            keywords = DovecotKeywords.read(folder.directory());
        } catch (IOException e) {
            problems.add(new ImportResult.Unreadable(folder.directory().resolve(DovecotKeywords.FILE).toString(),
                    "cannot read keywords: " + e.getMessage()));
        }
        Optional<DovecotUidList> uids = Optional.empty();
        try {
            uids = DovecotUidList.read(folder.directory());
        } catch (IOException e) {
            problems.add(new ImportResult.Unreadable(folder.directory().resolve(DovecotUidList.FILE).toString(),
                    "cannot read UIDs: " + e.getMessage()));
        }
        var entries = new ArrayList<Entry>();
        for (String sub : List.of("cur", "new")) {
            list(folder.directory().resolve(sub), sub.equals("new"), uids, entries, problems);
        }
        entries.sort(Comparator.comparingLong(Entry::sortUid).thenComparing(e -> e.file().getFileName().toString()));
        List<String> letters = keywords;
        return Stream.concat(problems.stream(), entries.stream().map(e -> read(folder, e, letters)));
    }

    private record Entry(Path file, boolean isNew, OptionalLong uid, long uidValidity) {
        long sortUid() {
            return uid.orElse(Long.MAX_VALUE);
        }
    }

    private static void list(Path dir, boolean isNew, Optional<DovecotUidList> uids, List<Entry> entries,
            List<ImportResult> problems) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.startsWith(".")) {
                    continue;
                }
                OptionalLong uid = OptionalLong.empty();
                long validity = 0;
                if (uids.isPresent() && validUid(uids.get().uidValidity())) {
                    Long known = uids.get().uids().get(MaildirInfo.baseName(name));
                    if (known != null && validUid(known)) {
                        uid = OptionalLong.of(known);
                        validity = uids.get().uidValidity();
                    }
                }
                entries.add(new Entry(file, isNew, uid, validity));
            }
        } catch (IOException e) {
            problems.add(new ImportResult.Unreadable(dir.toString(), "cannot list: " + e.getMessage()));
        }
    }

    /** RFC 3501 §2.3.1.1: UIDs and UIDVALIDITY are non-zero 32-bit unsigned numbers; anything else is noise. */
    private static boolean validUid(long value) {
        return value > 0 && value <= 0xFFFF_FFFFL;
    }

    private ImportResult read(MaildirFolder folder, Entry entry, List<String> keywords) {
        try {
            if (!Files.isRegularFile(entry.file())) {
                return new ImportResult.Unreadable(entry.file().toString(), "not a regular file");
            }
            byte[] raw = lineEnding.apply(Files.readAllBytes(entry.file()));
            // IMAP INTERNALDATE has whole seconds (RFC 3501 date-time).
            Instant date = Files.getLastModifiedTime(entry.file()).toInstant().truncatedTo(ChronoUnit.SECONDS);
            var flags = new TreeSet<>(MaildirInfo.flags(entry.file().getFileName().toString(), keywords));
            if (entry.isNew()) {
                flags.add(ImportedMessage.RECENT);
            }
            var message = entry.uid().isPresent()
                    ? new ImportedMessage(folder.name(), raw, flags, date, entry.uid(),
                            OptionalLong.of(entry.uidValidity()))
                    : ImportedMessage.of(folder.name(), raw, flags, date);
            return new ImportResult.Imported(message);
        } catch (IOException | RuntimeException e) {
            return new ImportResult.Unreadable(entry.file().toString(), e.getClass().getSimpleName() + ": "
                    + e.getMessage());
        }
    }
}
