package io.basalt.datasets.tpch;

import io.basalt.api.ResultColumn;
import io.basalt.datasets.BatchWriter;
import io.trino.tpch.Supplier;
import io.trino.tpch.TpchTable;
import java.util.List;

/**
 * TPC-H {@code supplier}: 10,000 rows per unit of scale factor; the account balance is NUMERIC(15,2).
 */
public final class SupplierTable extends TpchGeneratedTable<Supplier> {
    static final List<ResultColumn> COLUMNS = List.of(
            TpchTypes.key("s_suppkey"),
            TpchTypes.varchar("s_name", 25),
            TpchTypes.varchar("s_address", 40),
            TpchTypes.integer("s_nationkey"),
            TpchTypes.varchar("s_phone", 15),
            TpchTypes.money("s_acctbal"),
            TpchTypes.varchar("s_comment", 101));

    public SupplierTable(double scaleFactor) {
        super("supplier", COLUMNS, TpchTable.SUPPLIER, scaleFactor, sf -> TpchTypes.rowCount(10_000, sf));
    }

    @Override
    protected void write(BatchWriter out, int row, Supplier entity) {
        out.setLong(0, row, entity.supplierKey());
        out.setString(1, row, entity.name());
        out.setString(2, row, entity.address());
        out.setInt(3, row, (int) entity.nationKey());
        out.setString(4, row, entity.phone());
        out.setLong(5, row, entity.accountBalanceInCents());
        out.setString(6, row, entity.comment());
    }
}
