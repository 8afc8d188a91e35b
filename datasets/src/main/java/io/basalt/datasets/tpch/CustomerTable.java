package io.basalt.datasets.tpch;

import io.basalt.api.ResultColumn;
import io.basalt.datasets.BatchWriter;
import io.trino.tpch.Customer;
import io.trino.tpch.TpchTable;
import java.util.List;

/**
 * TPC-H {@code customer}: 150,000 rows per unit of scale factor; the account balance is NUMERIC(15,2).
 */
public final class CustomerTable extends TpchGeneratedTable<Customer> {
    static final List<ResultColumn> COLUMNS = List.of(
            TpchTypes.key("c_custkey"),
            TpchTypes.varchar("c_name", 25),
            TpchTypes.varchar("c_address", 40),
            TpchTypes.integer("c_nationkey"),
            TpchTypes.varchar("c_phone", 15),
            TpchTypes.money("c_acctbal"),
            TpchTypes.varchar("c_mktsegment", 10),
            TpchTypes.varchar("c_comment", 117));

    public CustomerTable(double scaleFactor) {
        super("customer", COLUMNS, TpchTable.CUSTOMER, scaleFactor, sf -> TpchTypes.rowCount(150_000, sf));
    }

    @Override
    protected void write(BatchWriter out, int row, Customer entity) {
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
