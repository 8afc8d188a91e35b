package io.basalt.bench.harness;

import io.basalt.api.ResultColumn;
import io.basalt.datasets.BatchWriter;
import io.basalt.datasets.GeneratedTable;
import io.basalt.datasets.RowProducer;
import io.basalt.type.LogicalType;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The micro-benchmarks' table {@code micro}: {@code v} BIGINT uniform in [0, 10^6) (the summed column),
 * {@code s} INTEGER uniform in [0, 10,000) (s &lt; 100 selects 1%), {@code k17} INTEGER in [0, 17) and
 * {@code k1000} INTEGER in [0, 1000) (group keys), all uniform and in random order, no NULLs.
 */
public final class MicroTable implements GeneratedTable {
    public static final String NAME = "micro";
    private static final List<ResultColumn> COLUMNS = List.of(
            new ResultColumn("v", LogicalType.BIGINT),
            new ResultColumn("s", LogicalType.INTEGER),
            new ResultColumn("k17", LogicalType.INTEGER),
            new ResultColumn("k1000", LogicalType.INTEGER));

    private final String name;
    private final long rows;

    public MicroTable(String name, long rows) {
        this.name = name;
        this.rows = rows;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<ResultColumn> columns() {
        return COLUMNS;
    }

    @Override
    public long expectedRowCount() {
        return rows;
    }

    @Override
    public RowProducer newRowProducer() {
        SplittableRandom random = new SplittableRandom(42);
        long[] remaining = {rows};
        return (out, maxRows) -> fill(out, maxRows, random, remaining);
    }

    private static int fill(BatchWriter out, int maxRows, SplittableRandom random, long[] remaining) {
        int count = (int) Math.min(maxRows, remaining[0]);
        for (int row = 0; row < count; row++) {
            out.setLong(0, row, random.nextLong(1_000_000));
            out.setInt(1, row, random.nextInt(10_000));
            out.setInt(2, row, random.nextInt(17));
            out.setInt(3, row, random.nextInt(1000));
        }
        remaining[0] -= count;
        return count;
    }
}
