package io.basalt.datasets.tpch;

import io.basalt.api.ResultColumn;
import io.basalt.datasets.BatchWriter;
import io.trino.tpch.Nation;
import io.trino.tpch.TpchTable;
import java.util.List;

/**
 * TPC-H {@code nation}: the 25 nations, whatever the scale factor.
 */
public final class NationTable extends TpchGeneratedTable<Nation> {
    static final List<ResultColumn> COLUMNS = List.of(
            TpchTypes.integer("n_nationkey"),
            TpchTypes.varchar("n_name", 25),
            TpchTypes.integer("n_regionkey"),
            TpchTypes.varchar("n_comment", 152));

    public NationTable(double scaleFactor) {
        super("nation", COLUMNS, TpchTable.NATION, scaleFactor, sf -> 25);
    }

    @Override
    protected void write(BatchWriter out, int row, Nation entity) {
        out.setInt(0, row, (int) entity.nationKey());
        out.setString(1, row, entity.name());
        out.setInt(2, row, (int) entity.regionKey());
        out.setString(3, row, entity.comment());
    }
}
