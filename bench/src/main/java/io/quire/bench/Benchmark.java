package io.quire.bench;

import java.util.List;

/** One named benchmark: it prints progress and detail tables, and returns its figures for the summary. */
interface Benchmark {
    String name();

    /** One line saying what is measured. */
    String about();

    List<Figure> run(Workspace ws) throws Exception;
}
