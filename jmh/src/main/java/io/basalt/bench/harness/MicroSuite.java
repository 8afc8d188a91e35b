package io.basalt.bench.harness;

import io.basalt.datasets.GeneratedTable;
import java.util.List;

/**
 * The micro suite: the reference operations of the targets over one table of N rows: a scan
 * summing a BIGINT column, a 1%-selective filter then sum, and GROUP BY with 17 and with 1000 groups.
 */
final class MicroSuite implements Suite {
    private final long rows;

    MicroSuite(long rows) {
        this.rows = rows;
    }

    @Override
    public String name() {
        return "micro";
    }

    @Override
    public String parameters() {
        return "rows=" + rows;
    }

    @Override
    public List<GeneratedTable> tables() {
        return List.of(new MicroTable(MicroTable.NAME, rows));
    }

    @Override
    public List<BenchmarkQuery> queries() {
        return List.of(
                BenchmarkQuery.of("scan-sum", "SELECT sum(v) FROM micro"),
                BenchmarkQuery.of("filter-1%-sum", "SELECT sum(v) FROM micro WHERE s < 100"),
                BenchmarkQuery.of("group-by-17", "SELECT k17, sum(v) FROM micro GROUP BY k17"),
                BenchmarkQuery.of("group-by-1000", "SELECT k1000, sum(v) FROM micro GROUP BY k1000"));
    }

    @Override
    public long rowsPerQuery() {
        return rows;
    }
}
