package io.quire.mail.store;

import io.quire.mail.model.Flags;
import io.quire.mail.store.EntryList.Row;
import io.quire.mail.store.MailDocs.VanishedRecord;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * The derived index of one mail database saved to a local file, so that opening a large mailbox after a restart
 * reads one file and the changes since its head, instead of every message document (about 10 µs each, most of it
 * the object lookup and JSON decoding: 1–2 s per 100,000 messages on a warm JVM, several seconds on a cold one).
 *
 * <p>The file is a cache: it names the database and the head it reflects, ends with a CRC-32, and is replaced
 * atomically. Anything unexpected (another format version, another database, a bad checksum, a head the
 * database no longer has) makes the index ignore it and list the database instead. Only a view without merge
 * guard state is saved (see {@link MailIndex#persist()}), so what is saved is exactly what the documents say.
 */
final class IndexSnapshot {
    private static final int MAGIC = 0x514d4958; // "QMIX"
    private static final int VERSION = 1;

    private IndexSnapshot() {
    }

    /** What a file holds: the view's content at {@code head}. */
    record Content(String head, Map<String, MailboxRecord> mailboxes, Map<String, EntryList> messages,
                   Map<String, VanishedList> vanished, long uidValidityHigh, String accountRev) {
    }

    /** The file name for a database's snapshot: its name, percent-encoded, so any database name is one plain file. */
    static String fileName(String database) {
        return java.net.URLEncoder.encode(database, java.nio.charset.StandardCharsets.UTF_8) + ".index";
    }

    static void write(Path file, String database, IndexView v) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        CRC32 crc = new CRC32();
        try (OutputStream raw = Files.newOutputStream(tmp);
             CheckedOutputStream checked = new CheckedOutputStream(new BufferedOutputStream(raw, 1 << 16), crc);
             DataOutputStream out = new DataOutputStream(checked)) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeUTF(database);
            out.writeUTF(v.head());
            out.writeLong(v.uidValidityHigh());
            optional(out, v.accountRev());
            out.writeInt(v.mailboxes().size());
            for (MailboxRecord m : v.mailboxes().values()) {
                out.writeUTF(m.id());
                out.writeUTF(m.rev());
                out.writeUTF(m.name());
                optional(out, m.specialUse().orElse(null));
                out.writeBoolean(m.subscribed());
                out.writeLong(m.uidValidity());
                out.writeLong(m.uidNext());
                out.writeLong(m.highestModseq());
                out.writeLong(m.vanishedFloor());
            }
            out.writeInt(v.messages().size());
            for (Map.Entry<String, EntryList> box : v.messages().entrySet()) {
                EntryList l = box.getValue();
                out.writeUTF(box.getKey());
                out.writeInt(l.size());
                for (int i = 0; i < l.size(); i++) {
                    MessageEntry e = l.get(i);
                    out.writeUTF(e.id());
                    out.writeLong(e.uid());
                    out.writeShort(e.flags().size());
                    for (String f : e.flags()) out.writeUTF(f);
                    out.writeLong(e.internalDate().toEpochMilli());
                    out.writeLong(e.modseq());
                    out.writeLong(e.size());
                    out.writeUTF(e.bodyBlob());
                    out.writeUTF(l.revision(i));
                }
            }
            out.writeInt(v.vanished().size());
            for (Map.Entry<String, VanishedList> box : v.vanished().entrySet()) {
                List<VanishedRecord> all = box.getValue().all();
                out.writeUTF(box.getKey());
                out.writeInt(all.size());
                for (VanishedRecord r : all) {
                    out.writeUTF(r.docId());
                    out.writeUTF(r.mailboxId());
                    out.writeLong(r.uid());
                    out.writeLong(r.modseq());
                    out.writeUTF(r.rev());
                }
            }
            out.flush();
            long sum = crc.getValue();
            raw.write(new byte[] {(byte) (sum >>> 24), (byte) (sum >>> 16), (byte) (sum >>> 8), (byte) sum});
        }
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The file's content, or empty when it is missing; throws when it is damaged or not for {@code database}. */
    static Optional<Content> read(Path file, String database) throws IOException {
        if (!Files.isRegularFile(file)) return Optional.empty();
        long size = Files.size(file);
        if (size < 12) throw new IOException("truncated");
        CRC32 crc = new CRC32();
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
             CheckedInputStream checked = new CheckedInputStream(new LimitedInputStream(raw, size - 4), crc);
             DataInputStream in = new DataInputStream(checked)) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION) throw new IOException("not an index snapshot of this version");
            if (!in.readUTF().equals(database)) throw new IOException("snapshot of another database");
            String head = in.readUTF();
            long uvh = in.readLong();
            String accountRev = optional(in);
            int boxes = in.readInt();
            Map<String, MailboxRecord> mailboxes = new HashMap<>();
            for (int i = 0; i < boxes; i++) {
                MailboxRecord m = new MailboxRecord(in.readUTF(), in.readUTF(), in.readUTF(), Optional.ofNullable(optional(in)),
                        in.readBoolean(), in.readLong(), in.readLong(), in.readLong(), in.readLong());
                mailboxes.put(m.id(), m);
            }
            Map<List<String>, java.util.SortedSet<String>> flagSets = new HashMap<>();
            int lists = in.readInt();
            Map<String, EntryList> messages = new HashMap<>();
            for (int b = 0; b < lists; b++) {
                String box = in.readUTF();
                int n = in.readInt();
                List<Row> rows = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    String id = in.readUTF();
                    long uid = in.readLong();
                    int nf = in.readUnsignedShort();
                    List<String> flags = new ArrayList<>(nf);
                    for (int f = 0; f < nf; f++) flags.add(in.readUTF());
                    MessageEntry e = new MessageEntry(id, uid, flagSets.computeIfAbsent(flags, Flags::of),
                            Instant.ofEpochMilli(in.readLong()), in.readLong(), in.readLong(), in.readUTF());
                    rows.add(new Row(e, in.readUTF()));
                }
                messages.put(box, EntryList.of(rows));
            }
            int vboxes = in.readInt();
            Map<String, VanishedList> vanished = new HashMap<>();
            for (int b = 0; b < vboxes; b++) {
                String box = in.readUTF();
                int n = in.readInt();
                List<VanishedRecord> records = new ArrayList<>(n);
                for (int i = 0; i < n; i++)
                    records.add(new VanishedRecord(in.readUTF(), in.readUTF(), in.readLong(), in.readLong(), in.readUTF()));
                vanished.put(box, VanishedList.of(records));
            }
            if (in.read() >= 0) throw new IOException("trailing bytes");
            long expected = ((long) raw.read() << 24 | raw.read() << 16 | raw.read() << 8 | raw.read()) & 0xffffffffL;
            if (expected != crc.getValue()) throw new IOException("checksum mismatch");
            return Optional.of(new Content(head, mailboxes, messages, vanished, uvh, accountRev));
        }
    }

    private static void optional(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) out.writeUTF(s);
    }

    private static String optional(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    /** Reads at most {@code limit} bytes of {@code in} and leaves the rest (the checksum) unread. */
    private static final class LimitedInputStream extends InputStream {
        private final InputStream in;
        private long left;

        LimitedInputStream(InputStream in, long limit) {
            this.in = in;
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) return -1;
            int b = in.read();
            if (b >= 0) left--;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) return -1;
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n > 0) left -= n;
            return n;
        }

        @Override
        public void close() {
            // the caller closes the underlying stream after reading the checksum
        }
    }
}
