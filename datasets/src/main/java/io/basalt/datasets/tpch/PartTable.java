package io.basalt.datasets.tpch;

import io.basalt.api.ResultColumn;
import io.basalt.datasets.BatchWriter;
import io.trino.tpch.Part;
import io.trino.tpch.TpchTable;
import java.util.List;

/**
 * TPC-H {@code part}: 200,000 rows per unit of scale factor; the retail price is NUMERIC(15,2).
 */
public final class PartTable extends TpchGeneratedTable<Part> {
    static final List<ResultColumn> COLUMNS = List.of(
            TpchTypes.key("p_partkey"),
            TpchTypes.varchar("p_name", 55),
            TpchTypes.varchar("p_mfgr", 25),
            TpchTypes.varchar("p_brand", 10),
            TpchTypes.varchar("p_type", 25),
            TpchTypes.integer("p_size"),
            TpchTypes.varchar("p_container", 10),
            TpchTypes.money("p_retailprice"),
            TpchTypes.varchar("p_comment", 23));

    public PartTable(double scaleFactor) {
        super("part", COLUMNS, TpchTable.PART, scaleFactor, sf -> TpchTypes.rowCount(200_000, sf));
    }

    @Override
    protected void write(BatchWriter out, int row, Part entity) {
        out.setLong(0, row, entity.partKey());
        out.setString(1, row, entity.name());
        out.setString(2, row, entity.manufacturer());
        out.setString(3, row, entity.brand());
        out.setString(4, row, entity.type());
        out.setInt(5, row, entity.size());
        out.setString(6, row, entity.container());
        out.setLong(7, row, entity.retailPriceInCents());
        out.setString(8, row, entity.comment());
    }
}
