package io.quire.bench.replication;

/** One line of the final summary: a measured value and, when the issue sets one, its target and verdict. */
record Result(String benchmark, String measure, String value, String target, String verdict) {
    static Result info(String benchmark, String measure, String value) {
        return new Result(benchmark, measure, value, "", "");
    }

    static Result against(String benchmark, String measure, String value, String target, boolean met) {
        return new Result(benchmark, measure, value, target, met ? "met" : "missed");
    }
}
