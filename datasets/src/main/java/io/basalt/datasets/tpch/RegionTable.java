package io.basalt.datasets.tpch;

import io.basalt.api.ResultColumn;
import io.basalt.datasets.BatchWriter;
import io.trino.tpch.Region;
import io.trino.tpch.TpchTable;
import java.util.List;

/**
 * TPC-H {@code region}: the five regions, whatever the scale factor.
 */
public final class RegionTable extends TpchGeneratedTable<Region> {
    static final List<ResultColumn> COLUMNS = List.of(
            TpchTypes.integer("r_regionkey"),
            TpchTypes.varchar("r_name", 25),
            TpchTypes.varchar("r_comment", 152));

    public RegionTable(double scaleFactor) {
        super("region", COLUMNS, TpchTable.REGION, scaleFactor, sf -> 5);
    }

    @Override
    protected void write(BatchWriter out, int row, Region entity) {
        out.setInt(0, row, (int) entity.regionKey());
        out.setString(1, row, entity.name());
        out.setString(2, row, entity.comment());
    }
}
