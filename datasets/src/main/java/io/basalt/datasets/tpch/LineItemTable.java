package io.basalt.datasets.tpch;

import io.basalt.api.ResultColumn;
import io.basalt.datasets.BatchWriter;
import io.trino.tpch.LineItem;
import io.trino.tpch.LineItemColumn;
import io.trino.tpch.TpchTable;
import java.util.List;

/**
 * TPC-H {@code lineitem}: about 6,000,000 rows per unit of scale factor (1 to 7 per order). Quantity,
 * prices, discount and tax are NUMERIC(15,2), written as hundredths from the generator's integer fields
 * (never through a double); dates are days since 1970-01-01.
 */
public final class LineItemTable extends TpchGeneratedTable<LineItem> {
    static final List<ResultColumn> COLUMNS = List.of(
            TpchTypes.key("l_orderkey"),
            TpchTypes.key("l_partkey"),
            TpchTypes.key("l_suppkey"),
            TpchTypes.integer("l_linenumber"),
            TpchTypes.money("l_quantity"),
            TpchTypes.money("l_extendedprice"),
            TpchTypes.money("l_discount"),
            TpchTypes.money("l_tax"),
            TpchTypes.varchar("l_returnflag", 1),
            TpchTypes.varchar("l_linestatus", 1),
            TpchTypes.date("l_shipdate"),
            TpchTypes.date("l_commitdate"),
            TpchTypes.date("l_receiptdate"),
            TpchTypes.varchar("l_shipinstruct", 25),
            TpchTypes.varchar("l_shipmode", 10),
            TpchTypes.varchar("l_comment", 44));

    public LineItemTable(double scaleFactor) {
        super("lineitem", COLUMNS, TpchTable.LINE_ITEM, scaleFactor, sf -> -1);
    }

    @Override
    protected void write(BatchWriter out, int row, LineItem item) {
        out.setLong(0, row, item.orderKey());
        out.setLong(1, row, item.partKey());
        out.setLong(2, row, item.supplierKey());
        out.setInt(3, row, item.lineNumber());
        out.setLong(4, row, item.quantity() * 100);
        out.setLong(5, row, item.extendedPriceInCents());
        out.setLong(6, row, item.discountPercent());
        out.setLong(7, row, item.taxPercent());
        out.setString(8, row, item.returnFlag());
        out.setString(9, row, item.status());
        out.setDate(10, row, LineItemColumn.SHIP_DATE.getDate(item));
        out.setDate(11, row, LineItemColumn.COMMIT_DATE.getDate(item));
        out.setDate(12, row, LineItemColumn.RECEIPT_DATE.getDate(item));
        out.setString(13, row, item.shipInstructions());
        out.setString(14, row, item.shipMode());
        out.setString(15, row, item.comment());
    }
}
