package io.basalt.datasets.tpch;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.datasets.RecordingSession;
import io.basalt.type.LogicalType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The TPC-H loader creates the eight tables with the standard types and appends every row in batches. */
class TpchLoaderTest {
    @Test
    void createsTheEightTablesAndAppendsEveryRowInBatches() {
        RecordingSession session = new RecordingSession((table, batch) ->
                assertThat(batch.getRowCount()).isBetween(1, 5000));
        long rows = TpchLoader.load(session, 0.01, 5000);

        assertThat(session.statements).hasSize(8);
        assertThat(session.statements.get(0)).isEqualTo(
                "CREATE TABLE region (r_regionkey INTEGER, r_name VARCHAR(25), r_comment VARCHAR(152))");
        assertThat(session.statements.get(7)).isEqualTo("CREATE TABLE lineitem (l_orderkey BIGINT, "
                + "l_partkey BIGINT, l_suppkey BIGINT, l_linenumber INTEGER, l_quantity NUMERIC(15,2), "
                + "l_extendedprice NUMERIC(15,2), l_discount NUMERIC(15,2), l_tax NUMERIC(15,2), "
                + "l_returnflag VARCHAR(1), l_linestatus VARCHAR(1), l_shipdate DATE, l_commitdate DATE, "
                + "l_receiptdate DATE, l_shipinstruct VARCHAR(25), l_shipmode VARCHAR(10), l_comment VARCHAR(44))");
        assertThat(session.appendedRows).containsExactly(
                Map.entry("region", 5L),
                Map.entry("nation", 25L),
                Map.entry("supplier", 100L),
                Map.entry("part", 2000L),
                Map.entry("partsupp", 8000L),
                Map.entry("customer", 1500L),
                Map.entry("orders", 15000L),
                Map.entry("lineitem", 60175L));
        assertThat(rows).isEqualTo(86805L);
        assertThat(session.appendedTypes.get("orders")).containsExactly(LogicalType.BIGINT, LogicalType.BIGINT,
                LogicalType.varchar(1), LogicalType.numeric(15, 2), LogicalType.DATE, LogicalType.varchar(15),
                LogicalType.varchar(15), LogicalType.INTEGER, LogicalType.varchar(79));
        assertThat(List.copyOf(session.appendedRows.keySet())).isEqualTo(TpchTables.NAMES);
    }
}
