package io.quire.schema.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.quire.schema.SchemaText;
import io.quire.schema.parse.Node.Entry;
import io.quire.schema.parse.Node.Pos;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads JSON or YAML text into a {@link Node} tree with positions, reporting syntax errors,
 * duplicate keys and YAML aliases. A text whose first non-blank character is {@code {} is JSON.
 */
final class TreeReader {
    /** Deepest nesting read; the schema format needs 8 levels, so more is a mistake (or an attack). */
    static final int MAX_DEPTH = 32;

    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final JsonFactory YAML = YAMLFactory.builder().build();
    private static final Pattern SOURCE_LOCATION = Pattern.compile("\\[Source: .*?; line: (\\d+), column: (\\d+)]");

    private final JsonParser parser;
    private final Problems problems;

    private TreeReader(JsonParser parser, Problems problems) {
        this.parser = parser;
        this.problems = problems;
    }

    /** The tree of {@code text}, or empty after a syntax error (reported to {@code problems}). */
    static Optional<Node> read(String text, Problems problems) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        boolean json = body.stripLeading().startsWith("{");
        String format = json ? "JSON" : "YAML";
        try (JsonParser p = (json ? JSON : YAML).createParser(body)) {
            try {
                if (p.nextToken() == null) {
                    problems.add(Pos.START, "", SchemaText.textEmpty());
                    return Optional.empty();
                }
                Node root = new TreeReader(p, problems).value(0, "");
                if (p.nextToken() != null) {
                    problems.add(position(p.currentTokenLocation()), "",
                            json ? SchemaText.trailingContent() : SchemaText.multipleYamlDocuments());
                }
                return Optional.of(root);
            } catch (JsonProcessingException e) {
                problems.add(syntaxPosition(e, p), "", SchemaText.syntax(format, syntaxDetail(e)));
            } catch (YAMLException e) {
                // SnakeYAML errors Jackson does not wrap (e.g. its own limits) still name the text.
                problems.add(position(p.currentLocation()), "", SchemaText.syntax(format, e.getMessage()));
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("reading a String cannot fail", e);
        }
    }

    private Node value(int depth, String path) throws IOException {
        Pos pos = position(parser.currentTokenLocation());
        if (parser instanceof YAMLParser y && y.isCurrentAlias()) {
            problems.add(pos, path, SchemaText.yamlAlias());
            return new Node.Invalid(pos);
        }
        JsonToken token = parser.currentToken();
        if ((token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) && depth >= MAX_DEPTH) {
            problems.add(pos, path, SchemaText.tooDeep(MAX_DEPTH));
            parser.skipChildren();
            return new Node.Invalid(pos);
        }
        return switch (token) {
            case START_OBJECT -> object(pos, depth, path);
            case START_ARRAY -> array(pos, depth, path);
            case VALUE_STRING -> new Node.Scalar(pos, parser.getText());
            case VALUE_NUMBER_INT -> new Node.Scalar(pos, parser.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT -> new Node.Scalar(pos, floatValue());
            case VALUE_TRUE -> new Node.Scalar(pos, Boolean.TRUE);
            case VALUE_FALSE -> new Node.Scalar(pos, Boolean.FALSE);
            case VALUE_NULL -> new Node.Scalar(pos, null);
            default -> {
                // VALUE_EMBEDDED_OBJECT: YAML !!binary and the like, which no schema key takes.
                problems.add(pos, path, SchemaText.unsupportedValue());
                yield new Node.Invalid(pos);
            }
        };
    }

    /** A float; YAML's {@code .inf} and {@code .nan} are floats Jackson tokenizes but cannot convert. */
    private double floatValue() throws IOException {
        String text = parser.getText().toLowerCase(Locale.ROOT);
        if (text.equals(".nan")) return Double.NaN;
        if (text.endsWith(".inf")) return text.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        return parser.getDoubleValue();
    }

    private Node object(Pos pos, int depth, String path) throws IOException {
        Map<String, Entry> entries = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            Pos keyPos = position(parser.currentTokenLocation());
            String keyPath = Problems.child(path, key);
            parser.nextToken();
            Node value = value(depth + 1, keyPath);
            Entry first = entries.putIfAbsent(key, new Entry(key, keyPos, value));
            if (first != null) {
                problems.add(keyPos, keyPath,
                        SchemaText.duplicateKey(key, first.keyPos().line(), first.keyPos().column()));
            }
        }
        return new Node.Obj(pos, entries);
    }

    private Node array(Pos pos, int depth, String path) throws IOException {
        List<Node> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            items.add(value(depth + 1, Problems.index(path, items.size())));
        }
        return new Node.Arr(pos, items);
    }

    private static Pos position(JsonLocation location) {
        if (location == null) return Pos.START;
        return new Pos(Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
    }

    private static Pos syntaxPosition(JsonProcessingException e, JsonParser p) {
        if (e.getCause() instanceof MarkedYAMLException m && m.getProblemMark() != null) {
            return new Pos(m.getProblemMark().getLine() + 1, m.getProblemMark().getColumn() + 1);
        }
        return position(e.getLocation() != null ? e.getLocation() : p.currentLocation());
    }

    /** The error without Jackson's "[Source: …]" noise, and with SnakeYAML's context as a position. */
    private static String syntaxDetail(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException m && m.getProblem() != null) {
            Mark context = m.getContextMark();
            return m.getProblem() + (m.getContext() == null || context == null ? ""
                    : " (" + m.getContext() + " at line " + (context.getLine() + 1)
                      + ", column " + (context.getColumn() + 1) + ")");
        }
        Matcher matcher = SOURCE_LOCATION.matcher(String.valueOf(e.getOriginalMessage()));
        return matcher.replaceAll("line $1, column $2");
    }
}
