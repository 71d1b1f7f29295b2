package io.quire.bench.replication;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A table printed as Markdown with padded columns, for pasting into docs/benchmarks.md. A copy of
 * the store benchmarks' {@code Table}, which is package-private to {@code io.quire.bench}.
 */
final class MdTable {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    MdTable(String... header) {
        this.header = List.of(header);
    }

    MdTable row(Object... cells) {
        if (cells.length != header.size()) throw new IllegalArgumentException("expected " + header.size() + " cells");
        List<String> r = new ArrayList<>();
        for (Object c : cells) r.add(String.valueOf(c));
        rows.add(r);
        return this;
    }

    void print(PrintStream out) {
        int[] width = new int[header.size()];
        for (int i = 0; i < width.length; i++) {
            width[i] = Math.max(3, header.get(i).length());
            for (List<String> r : rows) width[i] = Math.max(width[i], r.get(i).length());
        }
        line(out, header, width);
        StringBuilder sep = new StringBuilder("|");
        for (int w : width) sep.append(' ').append("-".repeat(w)).append(" |");
        out.println(sep);
        for (List<String> r : rows) line(out, r, width);
        out.println();
    }

    private static void line(PrintStream out, List<String> cells, int[] width) {
        StringBuilder b = new StringBuilder("|");
        for (int i = 0; i < width.length; i++)
            b.append(' ').append(cells.get(i)).append(" ".repeat(width[i] - cells.get(i).length())).append(" |");
        out.println(b);
    }

    /** Formats with thousands separators and a fixed number of decimals. */
    static String num(double v, int decimals) {
        return Double.isNaN(v) ? "n/a" : String.format("%,." + decimals + "f", v);
    }
}
