package io.quire.schema.parse;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** Finds the known name a misspelt one most likely meant, for "did you mean" hints. */
final class Suggest {
    private Suggest() {
    }

    /** The closest candidate within a small edit distance of {@code word}, if any. */
    static Optional<String> closest(String word, Collection<String> candidates) {
        // Allow one edit in short words, up to a third of the length in longer ones: enough for
        // typos ("requird", "onconflict") without suggesting unrelated names.
        int budget = Math.max(1, word.length() / 3);
        return candidates.stream()
                .filter(c -> Math.abs(c.length() - word.length()) <= budget)
                .filter(c -> distance(word.toLowerCase(java.util.Locale.ROOT), c.toLowerCase(java.util.Locale.ROOT)) <= budget)
                .min(Comparator.comparingInt((String c) -> distance(word, c)).thenComparing(c -> c));
    }

    /**
     * Edit distance between two strings where a swap of neighbours counts as one edit, like an
     * insertion, deletion or substitution ("optimal string alignment"): "typse" is one edit from "types".
     */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
