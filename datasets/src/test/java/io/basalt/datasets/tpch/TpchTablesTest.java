package io.basalt.datasets.tpch;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.api.ResultColumn;
import io.basalt.datasets.GeneratedRows;
import io.basalt.datasets.GeneratedTable;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.junit.jupiter.api.Test;

/**
 * TPC-H generation at SF 0.01: row counts, types and lengths, date range, and Q1/Q6 computed over the
 * generated batches against the published answers.
 */
class TpchTablesTest {
    private static final double SF = 0.01;
    /** An odd batch size, so that batch boundaries fall in awkward places. */
    private static final int VECTOR_SIZE = 997;

    @Test
    void rowCountsAtScaleFactorOneHundredth() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (GeneratedTable table : TpchTables.all(SF)) {
            long rows = GeneratedRows.forEachBatch(table, VECTOR_SIZE, batch -> { });
            counts.put(table.name(), rows);
            if (table.expectedRowCount() >= 0) {
                assertThat(rows).as(table.name()).isEqualTo(table.expectedRowCount());
            }
        }
        assertThat(counts).containsExactly(
                Map.entry("region", 5L),
                Map.entry("nation", 25L),
                Map.entry("supplier", 100L),
                Map.entry("part", 2000L),
                Map.entry("partsupp", 8000L),
                Map.entry("customer", 1500L),
                Map.entry("orders", 15000L),
                Map.entry("lineitem", 60175L));
    }

    @Test
    void stringsFitTheirDeclaredLengthsAndNothingIsNull() {
        for (GeneratedTable table : TpchTables.all(SF)) {
            List<ResultColumn> columns = table.columns();
            GeneratedRows.forEachBatch(table, 4096, batch -> {
                for (int c = 0; c < columns.size(); c++) {
                    FieldVector vector = batch.getVector(c);
                    assertThat(vector.getNullCount()).as(columns.get(c).name()).isZero();
                    LogicalType type = columns.get(c).type();
                    assertThat(LogicalType.of(vector.getField())).isEqualTo(type);
                    if (type.id() == TypeId.VARCHAR) {
                        VarCharVector strings = (VarCharVector) vector;
                        for (int row = 0; row < batch.getRowCount(); row++) {
                            assertThat(strings.getObject(row).toString().length())
                                    .as(columns.get(c).name()).isLessThanOrEqualTo(type.precision());
                        }
                    }
                }
            });
        }
    }

    @Test
    void orderDatesSpanTheSpecifiedRange() {
        int[] range = {Integer.MAX_VALUE, Integer.MIN_VALUE};
        GeneratedRows.forEachBatch(new OrdersTable(SF), VECTOR_SIZE, batch -> {
            DateDayVector dates = (DateDayVector) batch.getVector("o_orderdate");
            for (int row = 0; row < batch.getRowCount(); row++) {
                range[0] = Math.min(range[0], dates.get(row));
                range[1] = Math.max(range[1], dates.get(row));
            }
        });
        assertThat(LocalDate.ofEpochDay(range[0])).isAfterOrEqualTo(LocalDate.of(1992, 1, 1));
        assertThat(LocalDate.ofEpochDay(range[1])).isBeforeOrEqualTo(LocalDate.of(1998, 8, 2));
    }

    /**
     * TPC-H Q1 computed over the generated batches must give the published SF 0.01 answer: the numeric
     * columns of lineitem do not depend on the generator's text pool, so every port of dbgen agrees on them.
     */
    @Test
    void pricingSummaryMatchesThePublishedAnswer() {
        int cutoff = (int) LocalDate.of(1998, 9, 2).toEpochDay();
        Map<String, long[]> groups = new java.util.TreeMap<>();
        GeneratedRows.forEachBatch(new LineItemTable(SF), VECTOR_SIZE, batch -> {
            BigIntVector quantity = (BigIntVector) batch.getVector("l_quantity");
            BigIntVector price = (BigIntVector) batch.getVector("l_extendedprice");
            BigIntVector discount = (BigIntVector) batch.getVector("l_discount");
            VarCharVector flag = (VarCharVector) batch.getVector("l_returnflag");
            VarCharVector status = (VarCharVector) batch.getVector("l_linestatus");
            DateDayVector shipDate = (DateDayVector) batch.getVector("l_shipdate");
            for (int row = 0; row < batch.getRowCount(); row++) {
                if (shipDate.get(row) > cutoff) {
                    continue;
                }
                String key = flag.getObject(row) + "|" + status.getObject(row);
                long[] sums = groups.computeIfAbsent(key, k -> new long[4]);
                sums[0] += quantity.get(row);
                sums[1] += price.get(row);
                sums[2] += price.get(row) * (100 - discount.get(row));
                sums[3]++;
            }
        });
        // From ../shared/conformance/tpch_answers/sf0.01/q01.csv: sum_qty, sum_base_price, sum_disc_price, count.
        assertThat(groups).containsOnlyKeys("A|F", "N|F", "N|O", "R|F");
        assertThat(groups.get("A|F")).containsExactly(380456_00L, 532348211_65L, 505822441_4861L, 14876L);
        assertThat(groups.get("N|F")).containsExactly(8971_00L, 12384801_37L, 11798257_2080L, 348L);
        assertThat(groups.get("N|O")).containsExactly(742802_00L, 1041502841_45L, 989737518_6346L, 29181L);
        assertThat(groups.get("R|F")).containsExactly(381449_00L, 534594445_35L, 507996454_4067L, 14902L);
    }

    /** TPC-H Q6 over the generated batches: the published SF 0.01 revenue, to the last digit. */
    @Test
    void forecastRevenueMatchesThePublishedAnswer() {
        int from = (int) LocalDate.of(1994, 1, 1).toEpochDay();
        int to = (int) LocalDate.of(1995, 1, 1).toEpochDay();
        long[] revenue = {0};
        GeneratedRows.forEachBatch(new LineItemTable(SF), VECTOR_SIZE, batch -> {
            BigIntVector quantity = (BigIntVector) batch.getVector("l_quantity");
            BigIntVector price = (BigIntVector) batch.getVector("l_extendedprice");
            BigIntVector discount = (BigIntVector) batch.getVector("l_discount");
            DateDayVector shipDate = (DateDayVector) batch.getVector("l_shipdate");
            for (int row = 0; row < batch.getRowCount(); row++) {
                int date = shipDate.get(row);
                long d = discount.get(row);
                if (date >= from && date < to && d >= 5 && d <= 7 && quantity.get(row) < 24_00) {
                    revenue[0] += price.get(row) * d;
                }
            }
        });
        assertThat(revenue[0]).isEqualTo(1193053_2253L);
    }
}
