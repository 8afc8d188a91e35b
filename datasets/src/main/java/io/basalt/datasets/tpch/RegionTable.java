package io.basalt.datasets.tpch;

import io.basalt.api.ResultColumn;
import io.basalt.datasets.BatchWriter;
import io.basalt.datasets.GeneratedTable;
import io.basalt.datasets.RowProducer;
import io.trino.tpch.Region;
import io.trino.tpch.TpchTable;
import java.util.Iterator;
import java.util.List;

/**
 * TPC-H {@code region}: the five regions, whatever the scale factor.
 */
public final class RegionTable implements GeneratedTable {
    static final List<ResultColumn> COLUMNS = List.of(
            TpchTypes.integer("r_regionkey"),
            TpchTypes.varchar("r_name", 25),
            TpchTypes.varchar("r_comment", 152));

    private final double scaleFactor;

    public RegionTable(double scaleFactor) {
        this.scaleFactor = TpchTypes.checkScaleFactor(scaleFactor);
    }

    @Override
    public String name() {
        return "region";
    }

    @Override
    public List<ResultColumn> columns() {
        return COLUMNS;
    }

    @Override
    public long expectedRowCount() {
        return 5;
    }

    @Override
    public RowProducer newRowProducer() {
        Iterator<Region> rows = TpchTable.REGION.createGenerator(scaleFactor, 1, 1).iterator();
        return (out, maxRows) -> {
            int row = 0;
            while (row < maxRows && rows.hasNext()) {
                write(out, row, rows.next());
                row++;
            }
            return row;
        };
    }

    private static void write(BatchWriter out, int row, Region entity) {
        out.setInt(0, row, (int) entity.regionKey());
        out.setString(1, row, entity.name());
        out.setString(2, row, entity.comment());
    }
}
