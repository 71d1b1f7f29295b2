package io.quire.bench.replication;

import java.io.PrintStream;
import java.util.List;

/** One named replication benchmark: prints progress and detail tables, returns its summary lines. */
interface ReplicationBenchmark {
    String name();

    /** One line saying what is measured. */
    String about();

    List<Result> run(Scratch scratch, PrintStream out) throws Exception;
}
