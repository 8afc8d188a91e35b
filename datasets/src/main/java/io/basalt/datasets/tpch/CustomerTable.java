package io.basalt.datasets.tpch;

import io.basalt.api.ResultColumn;
import io.basalt.datasets.BatchWriter;
import io.basalt.datasets.GeneratedTable;
import io.basalt.datasets.RowProducer;
import io.trino.tpch.Customer;
import io.trino.tpch.TpchTable;
import java.util.Iterator;
import java.util.List;

/**
 * TPC-H {@code customer}: 150,000 rows per unit of scale factor; the account balance is NUMERIC(15,2).
 */
public final class CustomerTable implements GeneratedTable {
    static final List<ResultColumn> COLUMNS = List.of(
            TpchTypes.key("c_custkey"),
            TpchTypes.varchar("c_name", 25),
            TpchTypes.varchar("c_address", 40),
            TpchTypes.integer("c_nationkey"),
            TpchTypes.varchar("c_phone", 15),
            TpchTypes.money("c_acctbal"),
            TpchTypes.varchar("c_mktsegment", 10),
            TpchTypes.varchar("c_comment", 117));

    private final double scaleFactor;

    public CustomerTable(double scaleFactor) {
        this.scaleFactor = TpchTypes.checkScaleFactor(scaleFactor);
    }

    @Override
    public String name() {
        return "customer";
    }

    @Override
    public List<ResultColumn> columns() {
        return COLUMNS;
    }

    @Override
    public long expectedRowCount() {
        return TpchTypes.rowCount(150_000, scaleFactor);
    }

    @Override
    public RowProducer newRowProducer() {
        Iterator<Customer> rows = TpchTable.CUSTOMER.createGenerator(scaleFactor, 1, 1).iterator();
        return (out, maxRows) -> {
            int row = 0;
            while (row < maxRows && rows.hasNext()) {
                write(out, row, rows.next());
                row++;
            }
            return row;
        };
    }

    private static void write(BatchWriter out, int row, Customer entity) {
        out.setLong(0, row, entity.customerKey());
        out.setString(1, row, entity.name());
        out.setString(2, row, entity.address());
        out.setInt(3, row, (int) entity.nationKey());
        out.setString(4, row, entity.phone());
        out.setLong(5, row, entity.accountBalanceInCents());
        out.setString(6, row, entity.marketSegment());
        out.setString(7, row, entity.comment());
    }
}
