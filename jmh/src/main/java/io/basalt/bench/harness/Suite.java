package io.basalt.bench.harness;

import io.basalt.datasets.GeneratedTable;
import java.util.List;

/** A benchmark suite: the tables it loads, the queries it runs over them, and how to describe it. */
public interface Suite {
    /** {@code tpch}, {@code h2o}, {@code micro}. */
    String name();

    /** The suite's parameters as they appear in the report, e.g. {@code sf=1}. */
    String parameters();

    List<GeneratedTable> tables();

    List<BenchmarkQuery> queries();

    /** Rows each query reads, for a rows-per-second figure; 0 when that figure means nothing. */
    long rowsPerQuery();

    /** Statements Basalt runs after loading and ANALYZE, counted in the load's time (e.g. CHECKPOINT on disk). */
    default List<String> basaltAfterLoad() {
        return List.of();
    }
}
