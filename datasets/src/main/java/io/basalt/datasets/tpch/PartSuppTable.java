package io.basalt.datasets.tpch;

import io.basalt.api.ResultColumn;
import io.basalt.datasets.BatchWriter;
import io.basalt.datasets.GeneratedTable;
import io.basalt.datasets.RowProducer;
import io.trino.tpch.PartSupplier;
import io.trino.tpch.TpchTable;
import java.util.Iterator;
import java.util.List;

/**
 * TPC-H {@code partsupp}: four suppliers per part, 800,000 rows per unit of scale factor.
 */
public final class PartSuppTable implements GeneratedTable {
    static final List<ResultColumn> COLUMNS = List.of(
            TpchTypes.key("ps_partkey"),
            TpchTypes.key("ps_suppkey"),
            TpchTypes.integer("ps_availqty"),
            TpchTypes.money("ps_supplycost"),
            TpchTypes.varchar("ps_comment", 199));

    private final double scaleFactor;

    public PartSuppTable(double scaleFactor) {
        this.scaleFactor = TpchTypes.checkScaleFactor(scaleFactor);
    }

    @Override
    public String name() {
        return "partsupp";
    }

    @Override
    public List<ResultColumn> columns() {
        return COLUMNS;
    }

    @Override
    public long expectedRowCount() {
        return 4 * TpchTypes.rowCount(200_000, scaleFactor);
    }

    @Override
    public RowProducer newRowProducer() {
        Iterator<PartSupplier> rows = TpchTable.PART_SUPPLIER.createGenerator(scaleFactor, 1, 1).iterator();
        return (out, maxRows) -> {
            int row = 0;
            while (row < maxRows && rows.hasNext()) {
                write(out, row, rows.next());
                row++;
            }
            return row;
        };
    }

    private static void write(BatchWriter out, int row, PartSupplier entity) {
        out.setLong(0, row, entity.partKey());
        out.setLong(1, row, entity.supplierKey());
        out.setInt(2, row, entity.availableQuantity());
        out.setLong(3, row, entity.supplyCostInCents());
        out.setString(4, row, entity.comment());
    }
}
