package io.quire.server.store;

import io.quire.sdk.DocumentId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Where things live in a database's tree. The one place that knows the path scheme.
 *
 * <pre>
 * .quire/database.json          name and replica id (written once, at creation)
 * .quire/schema.json            the schema, scripts included (canonical JSON)
 * .quire/conflicts/TYPE/ID.json conflict records of one document (bounded list)
 * TYPE/XX/ID.json               a document; XX = first byte of SHA-1(ID), hex (256-way fan-out)
 * TYPE/XX/ID~FIELD              the bytes of a blob field of that document
 * </pre>
 *
 * <p>Why a 256-way fan-out on a hash: a write rewrites the trees on its path, so their size is the
 * write amplification. One level of 256 keeps both the type tree (256 entries) and each bucket
 * (n/256 entries: ~400 at 100,000 documents) small, while still costing only three tree writes per
 * changed bucket; hashing spreads sequential ids evenly (see docs/adr/0001-one-git-repository-per-database.md and docs/benchmarks.md).
 */
public final class StoreLayout {
    public static final String META_DIR = ".quire";
    public static final String DATABASE_FILE = "database.json";
    public static final String SCHEMA_FILE = "schema.json";
    public static final String CONFLICTS_DIR = "conflicts";
    public static final String DOC_SUFFIX = ".json";
    public static final char BLOB_SEPARATOR = '~';
    public static final String MAIN_REF = "refs/heads/main";
    /**
     * Where a pruned replica publishes its shallow boundary (JGit's server does not advertise it),
     * so a peer that fetches from it can take the same boundary first (STACK.md).
     */
    public static final String HORIZON_REF = "refs/quire/horizon";
    /** The other boundaries of the last prune (its borders, ADR 0009), one ref each, named by commit id. */
    public static final String BORDER_REFS = "refs/quire/borders/";

    private StoreLayout() {
    }

    /** The fan-out bucket (0..255) of a document id. Part of the on-disk format: never change. */
    public static int bucket(String id) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            return sha1.digest(id.getBytes(StandardCharsets.UTF_8))[0] & 0xff;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String bucketName(int bucket) {
        return HexFormat.of().toHexDigits((byte) bucket);
    }

    public static String docEntry(String id) {
        return id + DOC_SUFFIX;
    }

    public static String blobEntry(String id, String field) {
        return id + BLOB_SEPARATOR + field;
    }

    public static String docPath(DocumentId d) {
        return d.type() + "/" + bucketName(bucket(d.id())) + "/" + docEntry(d.id());
    }

    public static String conflictPath(DocumentId d) {
        return META_DIR + "/" + CONFLICTS_DIR + "/" + d.type() + "/" + d.id() + DOC_SUFFIX;
    }

    /** The document a path {@code TYPE/XX/ID.json} names, if it is one. */
    public static Optional<DocumentId> parseDocPath(String path) {
        String[] p = path.split("/", -1);
        if (p.length != 3 || !p[2].endsWith(DOC_SUFFIX)) return Optional.empty();
        String id = p[2].substring(0, p[2].length() - DOC_SUFFIX.length());
        if (DocumentId.problem(p[0], id) != null) return Optional.empty();
        return Optional.of(new DocumentId(p[0], id));
    }

    /** The owning document id and field of a blob entry name {@code ID~FIELD}, if it is one. */
    public static Optional<String[]> parseBlobEntry(String entryName) {
        int i = entryName.indexOf(BLOB_SEPARATOR);
        if (i <= 0 || i == entryName.length() - 1) return Optional.empty();
        return Optional.of(new String[]{entryName.substring(0, i), entryName.substring(i + 1)});
    }
    /** Tree paths of the blob entries a document's declared blob fields reference. */
    public static Map<String, ObjectId> blobPaths(io.quire.schema.DocumentType type, DocumentId id, ObjectNode data) {
        Map<String, ObjectId> out = new LinkedHashMap<>();
        if (type == null) return out;
        String dir = id.type() + "/" + bucketName(bucket(id.id())) + "/";
        for (io.quire.schema.FieldDef f : type.fields().values()) {
            if (f.type() != io.quire.schema.FieldType.BLOB) continue;
            JsonNode v = data.get(f.name());
            if (v != null && v.isObject() && v.path("$blob").isTextual() && ObjectId.isId(v.get("$blob").asText()))
                out.put(dir + blobEntry(id.id(), f.name()), ObjectId.fromString(v.get("$blob").asText()));
        }
        return out;
    }
}
