package io.basalt.datasets.tpch;

import io.basalt.api.ResultColumn;
import io.basalt.datasets.BatchWriter;
import io.basalt.datasets.GeneratedTable;
import io.basalt.datasets.RowProducer;
import io.trino.tpch.Part;
import io.trino.tpch.TpchTable;
import java.util.Iterator;
import java.util.List;

/**
 * TPC-H {@code part}: 200,000 rows per unit of scale factor; the retail price is NUMERIC(15,2).
 */
public final class PartTable implements GeneratedTable {
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

    private final double scaleFactor;

    public PartTable(double scaleFactor) {
        this.scaleFactor = TpchTypes.checkScaleFactor(scaleFactor);
    }

    @Override
    public String name() {
        return "part";
    }

    @Override
    public List<ResultColumn> columns() {
        return COLUMNS;
    }

    @Override
    public long expectedRowCount() {
        return TpchTypes.rowCount(200_000, scaleFactor);
    }

    @Override
    public RowProducer newRowProducer() {
        Iterator<Part> rows = TpchTable.PART.createGenerator(scaleFactor, 1, 1).iterator();
        return (out, maxRows) -> {
            int row = 0;
            while (row < maxRows && rows.hasNext()) {
                write(out, row, rows.next());
                row++;
            }
            return row;
        };
    }

    private static void write(BatchWriter out, int row, Part entity) {
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
