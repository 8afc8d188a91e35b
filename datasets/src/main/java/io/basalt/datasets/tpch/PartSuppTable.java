package io.basalt.datasets.tpch;

import io.basalt.api.ResultColumn;
import io.basalt.datasets.BatchWriter;
import io.trino.tpch.PartSupplier;
import io.trino.tpch.TpchTable;
import java.util.List;

/**
 * TPC-H {@code partsupp}: four suppliers per part, 800,000 rows per unit of scale factor.
 */
public final class PartSuppTable extends TpchGeneratedTable<PartSupplier> {
    static final List<ResultColumn> COLUMNS = List.of(
            TpchTypes.key("ps_partkey"),
            TpchTypes.key("ps_suppkey"),
            TpchTypes.integer("ps_availqty"),
            TpchTypes.money("ps_supplycost"),
            TpchTypes.varchar("ps_comment", 199));

    public PartSuppTable(double scaleFactor) {
        super("partsupp", COLUMNS, TpchTable.PART_SUPPLIER, scaleFactor, sf -> 4 * TpchTypes.rowCount(200_000, sf));
    }

    @Override
    protected void write(BatchWriter out, int row, PartSupplier entity) {
        out.setLong(0, row, entity.partKey());
        out.setLong(1, row, entity.supplierKey());
        out.setInt(2, row, entity.availableQuantity());
        out.setLong(3, row, entity.supplyCostInCents());
        out.setString(4, row, entity.comment());
    }
}
