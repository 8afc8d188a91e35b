package io.basalt.datasets.tpch;

import io.basalt.api.ResultColumn;
import io.basalt.datasets.BatchWriter;
import io.basalt.datasets.GeneratedTable;
import io.basalt.datasets.RowProducer;
import io.trino.tpch.Nation;
import io.trino.tpch.TpchTable;
import java.util.Iterator;
import java.util.List;

/**
 * TPC-H {@code nation}: the 25 nations, whatever the scale factor.
 */
public final class NationTable implements GeneratedTable {
    static final List<ResultColumn> COLUMNS = List.of(
            TpchTypes.integer("n_nationkey"),
            TpchTypes.varchar("n_name", 25),
            TpchTypes.integer("n_regionkey"),
            TpchTypes.varchar("n_comment", 152));

    private final double scaleFactor;

    public NationTable(double scaleFactor) {
        this.scaleFactor = TpchTypes.checkScaleFactor(scaleFactor);
    }

    @Override
    public String name() {
        return "nation";
    }

    @Override
    public List<ResultColumn> columns() {
        return COLUMNS;
    }

    @Override
    public long expectedRowCount() {
        return 25;
    }

    @Override
    public RowProducer newRowProducer() {
        Iterator<Nation> rows = TpchTable.NATION.createGenerator(scaleFactor, 1, 1).iterator();
        return (out, maxRows) -> {
            int row = 0;
            while (row < maxRows && rows.hasNext()) {
                write(out, row, rows.next());
                row++;
            }
            return row;
        };
    }

    private static void write(BatchWriter out, int row, Nation entity) {
        out.setInt(0, row, (int) entity.nationKey());
        out.setString(1, row, entity.name());
        out.setInt(2, row, (int) entity.regionKey());
        out.setString(3, row, entity.comment());
    }
}
