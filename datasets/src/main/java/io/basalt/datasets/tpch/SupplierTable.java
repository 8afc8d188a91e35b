package io.basalt.datasets.tpch;

import io.basalt.api.ResultColumn;
import io.basalt.datasets.BatchWriter;
import io.basalt.datasets.GeneratedTable;
import io.basalt.datasets.RowProducer;
import io.trino.tpch.Supplier;
import io.trino.tpch.TpchTable;
import java.util.Iterator;
import java.util.List;

/**
 * TPC-H {@code supplier}: 10,000 rows per unit of scale factor; the account balance is NUMERIC(15,2).
 */
public final class SupplierTable implements GeneratedTable {
    static final List<ResultColumn> COLUMNS = List.of(
            TpchTypes.key("s_suppkey"),
            TpchTypes.varchar("s_name", 25),
            TpchTypes.varchar("s_address", 40),
            TpchTypes.integer("s_nationkey"),
            TpchTypes.varchar("s_phone", 15),
            TpchTypes.money("s_acctbal"),
            TpchTypes.varchar("s_comment", 101));

    private final double scaleFactor;

    public SupplierTable(double scaleFactor) {
        this.scaleFactor = TpchTypes.checkScaleFactor(scaleFactor);
    }

    @Override
    public String name() {
        return "supplier";
    }

    @Override
    public List<ResultColumn> columns() {
        return COLUMNS;
    }

    @Override
    public long expectedRowCount() {
        return TpchTypes.rowCount(10_000, scaleFactor);
    }

    @Override
    public RowProducer newRowProducer() {
        Iterator<Supplier> rows = TpchTable.SUPPLIER.createGenerator(scaleFactor, 1, 1).iterator();
        return (out, maxRows) -> {
            int row = 0;
            while (row < maxRows && rows.hasNext()) {
                write(out, row, rows.next());
                row++;
            }
            return row;
        };
    }

    private static void write(BatchWriter out, int row, Supplier entity) {
        out.setLong(0, row, entity.supplierKey());
        out.setString(1, row, entity.name());
        out.setString(2, row, entity.address());
        out.setInt(3, row, (int) entity.nationKey());
        out.setString(4, row, entity.phone());
        out.setLong(5, row, entity.accountBalanceInCents());
        out.setString(6, row, entity.comment());
    }
}
