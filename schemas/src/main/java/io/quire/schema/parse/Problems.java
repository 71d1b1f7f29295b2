package io.quire.schema.parse;

import io.quire.schema.SchemaText;
import io.quire.schema.parse.Node.Arr;
import io.quire.schema.parse.Node.Entry;
import io.quire.schema.parse.Node.Invalid;
import io.quire.schema.parse.Node.Obj;
import io.quire.schema.parse.Node.Pos;
import io.quire.schema.parse.Node.Scalar;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The problems found in one schema text, and typed reads of {@link Node}s that report a problem
 * (and give empty) when the value has the wrong shape, so binding goes on and finds every problem.
 */
final class Problems {
    private final List<SchemaProblem> found = new ArrayList<>();

    void add(Pos pos, String path, String message) {
        found.add(new SchemaProblem(pos.line(), pos.column(), path, message));
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    /** The problems in text order (a stable sort keeps the finding order on one position). */
    List<SchemaProblem> sorted() {
        return found.stream()
                .sorted(Comparator.comparingInt(SchemaProblem::line).thenComparingInt(SchemaProblem::column))
                .toList();
    }

    static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    static String index(String path, int i) {
        return path + "[" + i + "]";
    }

    /** Reports every key of {@code obj} that is not in {@code allowed}, at the key. */
    void checkKeys(Obj obj, String path, List<String> allowed) {
        for (Entry e : obj.entries().values()) {
            if (!allowed.contains(e.key())) {
                add(e.keyPos(), child(path, e.key()),
                        SchemaText.unknownKey(e.key(), allowed, Suggest.closest(e.key(), allowed)));
            }
        }
    }

    /** The value of a key that must be present; a missing key is reported at the start of the object. */
    Optional<Node> required(Obj obj, String key, String path) {
        Optional<Entry> e = obj.entry(key);
        if (e.isEmpty()) add(obj.pos(), path, SchemaText.missingKey(key));
        return e.map(Entry::value);
    }

    static Optional<Node> optional(Obj obj, String key) {
        return obj.entry(key).map(Entry::value);
    }

    Optional<String> string(Node node, String path) {
        if (node instanceof Scalar(Pos p, String s)) return Optional.of(s);
        return wrong(node, path, "a string");
    }

    Optional<Boolean> bool(Node node, String path) {
        if (node instanceof Scalar(Pos p, Boolean b)) return Optional.of(b);
        return wrong(node, path, "a boolean (true or false)");
    }

    Optional<Obj> object(Node node, String path) {
        if (node instanceof Obj o) return Optional.of(o);
        return wrong(node, path, "an object");
    }

    Optional<Arr> list(Node node, String path) {
        if (node instanceof Arr a) return Optional.of(a);
        return wrong(node, path, "a list");
    }

    /** One string of a list, with the path and position to report it at. */
    record StringItem(String path, Pos pos, String value) {
    }

    /** A list of strings; each bad item is reported, and the good ones are kept with their positions. */
    List<StringItem> strings(Node node, String path) {
        List<StringItem> out = new ArrayList<>();
        list(node, path).ifPresent(arr -> {
            for (int i = 0; i < arr.items().size(); i++) {
                Node item = arr.items().get(i);
                String itemPath = index(path, i);
                string(item, itemPath).ifPresent(s -> out.add(new StringItem(itemPath, item.pos(), s)));
            }
        });
        return out;
    }

    /** Reports an unexpected shape, unless the node stands for a problem already reported. */
    <T> Optional<T> wrong(Node node, String path, String expected) {
        if (!(node instanceof Invalid)) add(node.pos(), path, SchemaText.wrongValueType(expected, Node.describe(node)));
        return Optional.empty();
    }
}
