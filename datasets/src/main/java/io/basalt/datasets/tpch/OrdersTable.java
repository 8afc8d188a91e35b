package io.basalt.datasets.tpch;

import io.basalt.api.ResultColumn;
import io.basalt.datasets.BatchWriter;
import io.trino.tpch.Order;
import io.trino.tpch.OrderColumn;
import io.trino.tpch.TpchTable;
import java.util.List;

/**
 * TPC-H {@code orders}: 1,500,000 rows per unit of scale factor; the total price is NUMERIC(15,2), the
 * order date days since 1970-01-01.
 */
public final class OrdersTable extends TpchGeneratedTable<Order> {
    static final List<ResultColumn> COLUMNS = List.of(
            TpchTypes.key("o_orderkey"),
            TpchTypes.key("o_custkey"),
            TpchTypes.varchar("o_orderstatus", 1),
            TpchTypes.money("o_totalprice"),
            TpchTypes.date("o_orderdate"),
            TpchTypes.varchar("o_orderpriority", 15),
            TpchTypes.varchar("o_clerk", 15),
            TpchTypes.integer("o_shippriority"),
            TpchTypes.varchar("o_comment", 79));

    public OrdersTable(double scaleFactor) {
        super("orders", COLUMNS, TpchTable.ORDERS, scaleFactor, sf -> TpchTypes.rowCount(1_500_000, sf));
    }

    @Override
    protected void write(BatchWriter out, int row, Order entity) {
        out.setLong(0, row, entity.orderKey());
        out.setLong(1, row, entity.customerKey());
        out.setString(2, row, String.valueOf(entity.orderStatus()));
        out.setLong(3, row, entity.totalPriceInCents());
        out.setDate(4, row, OrderColumn.ORDER_DATE.getDate(entity));
        out.setString(5, row, entity.orderPriority());
        out.setString(6, row, entity.clerk());
        out.setInt(7, row, entity.shipPriority());
        out.setString(8, row, entity.comment());
    }
}
