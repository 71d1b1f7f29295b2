package io.quire.bench;

/**
 * One line of the final summary: a measured value and, when the issue sets one, its target and
 * whether the measurement meets it.
 */
record Figure(String benchmark, String measure, String value, String target, Verdict verdict) {
    enum Verdict {
        MET, MISSED, INFO
    }

    static Figure info(String benchmark, String measure, String value) {
        return new Figure(benchmark, measure, value, "", Verdict.INFO);
    }

    static Figure against(String benchmark, String measure, String value, String target, boolean met) {
        return new Figure(benchmark, measure, value, target, met ? Verdict.MET : Verdict.MISSED);
    }
}
