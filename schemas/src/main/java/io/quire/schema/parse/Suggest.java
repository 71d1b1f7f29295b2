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

    /** Levenshtein distance between two strings. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) previous[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
