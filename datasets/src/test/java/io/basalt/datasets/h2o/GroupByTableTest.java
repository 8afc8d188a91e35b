package io.basalt.datasets.h2o;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.basalt.datasets.GeneratedRows;
import io.basalt.error.BasaltException;
import io.basalt.spi.BoundTableFunction;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.junit.jupiter.api.Test;

/**
 * The group-by generator checked loosely against the R script's distributions on small N: domains and
 * distinct counts, missing-value fractions, order of the sorted variant, determinism, argument checks.
 */
class GroupByTableTest {
    private static final int ROWS = 100_000;

    /** What the tests look at: per column the distinct non-missing values, the missing count, and v3's range. */
    private static final class Summary {
        final List<Set<Object>> distinct = new ArrayList<>();
        final long[] missing = new long[9];
        double v3Sum;
        double v3Min = Double.MAX_VALUE;
        double v3Max = -Double.MAX_VALUE;
        long v3Count;
        final List<Object[]> rows = new ArrayList<>();

        Summary() {
            for (int c = 0; c < 9; c++) {
                distinct.add(new HashSet<>());
            }
        }
    }

    private static Summary summarize(GroupByParameters parameters, boolean keepRows) {
        Summary summary = new Summary();
        long rows = GeneratedRows.forEachBatch(new GroupByTable(parameters), 1021, batch -> {
            for (int row = 0; row < batch.getRowCount(); row++) {
                Object[] values = new Object[9];
                for (int c = 0; c < 9; c++) {
                    FieldVector vector = batch.getVector(c);
                    if (vector.isNull(row)) {
                        summary.missing[c]++;
                        continue;
                    }
                    values[c] = switch (vector) {
                        case VarCharVector strings -> strings.getObject(row).toString();
                        case IntVector ints -> ints.get(row);
                        case Float8Vector doubles -> doubles.get(row);
                        default -> throw new AssertionError(vector.getClass());
                    };
                    summary.distinct.get(c).add(values[c]);
                }
                if (values[8] != null) {
                    double v3 = (Double) values[8];
                    summary.v3Sum += v3;
                    summary.v3Count++;
                    summary.v3Min = Math.min(summary.v3Min, v3);
                    summary.v3Max = Math.max(summary.v3Max, v3);
                }
                if (keepRows) {
                    summary.rows.add(values);
                }
            }
        });
        assertThat(rows).isEqualTo(parameters.rows());
        return summary;
    }

    @Test
    void withoutMissingValuesEveryColumnCoversItsDomain() {
        Summary summary = summarize(new GroupByParameters(ROWS, 100, 0, false, 108), false);
        assertThat(summary.missing).containsOnly(0L);
        assertThat(summary.distinct.get(0)).hasSize(100).contains("id001", "id100");
        assertThat(summary.distinct.get(1)).hasSize(100);
        assertThat(summary.distinct.get(2)).hasSize(1000).contains("id0000000001", "id0000001000");
        assertThat(summary.distinct.get(3)).hasSize(100).contains(1, 100);
        assertThat(summary.distinct.get(4)).hasSize(100);
        assertThat(summary.distinct.get(5)).hasSize(1000).contains(1, 1000);
        assertThat(summary.distinct.get(6)).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
        assertThat(summary.distinct.get(7)).hasSize(15).contains(1, 15);
        assertThat(summary.v3Min).isGreaterThanOrEqualTo(0.0).isLessThan(0.01);
        assertThat(summary.v3Max).isLessThanOrEqualTo(100.0).isGreaterThan(99.99);
        assertThat(summary.v3Sum / summary.v3Count).isCloseTo(50.0, within(0.5));
        for (Object v3 : summary.distinct.get(8)) {
            double value = (Double) v3;
            assertThat(Math.abs(value * 1e6 - Math.rint(value * 1e6))).as("six decimals: %s", value).isLessThan(1e-3);
        }
    }

    @Test
    void missingValuesFollowTheScript() {
        Summary summary = summarize(new GroupByParameters(ROWS, 100, 5, false, 108), false);
        // 5 of the 100 id1/id2/id4/id5 values and 50 of the 1000 id3/id6 values are missing everywhere.
        assertThat(summary.distinct.get(0)).hasSize(95);
        assertThat(summary.distinct.get(1)).hasSize(95);
        assertThat(summary.distinct.get(2)).hasSize(950);
        assertThat(summary.distinct.get(3)).hasSize(95);
        assertThat(summary.distinct.get(4)).hasSize(95);
        assertThat(summary.distinct.get(5)).hasSize(950);
        for (int c = 0; c < 6; c++) {
            assertThat((double) summary.missing[c] / ROWS).as("id%d", c + 1).isCloseTo(0.05, within(0.01));
        }
        // Exactly 5% of the rows of each of v1, v2, v3.
        assertThat(summary.missing[6]).isEqualTo(5000);
        assertThat(summary.missing[7]).isEqualTo(5000);
        assertThat(summary.missing[8]).isEqualTo(5000);
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void sortedRowsAreOrderedByTheIdsWithMissingFirst() {
        Summary summary = summarize(new GroupByParameters(ROWS, 100, 5, true, 108), true);
        assertThat(summary.distinct.get(0)).hasSize(95);
        for (int i = 1; i < summary.rows.size(); i++) {
            Object[] previous = summary.rows.get(i - 1);
            Object[] current = summary.rows.get(i);
            assertThat(compareIds(previous, current)).as("row %d", i).isLessThanOrEqualTo(0);
        }
        assertThat(summary.rows.get(0)[0]).isNull();
        assertThat(summary.missing[6]).isEqualTo(5000);
        assertThat(summary.distinct.get(2)).hasSize(950);
        assertThat(summary.rows.get(summary.rows.size() - 1)[0])
                .isEqualTo(java.util.Collections.max((Set) summary.distinct.get(0)));
    }

    @Test
    void sortedStringIdsFollowByteOrderBeyondThreeDigits() {
        Summary summary = summarize(new GroupByParameters(20_000, 1000, 0, true, 108), true);
        for (int i = 1; i < summary.rows.size(); i++) {
            assertThat(compareIds(summary.rows.get(i - 1), summary.rows.get(i))).as("row %d", i).isLessThanOrEqualTo(0);
        }
        assertThat(summary.rows.get(0)[0]).isEqualTo("id001");
        assertThat(summary.rows.get(summary.rows.size() - 1)[0]).isEqualTo("id999");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareIds(Object[] left, Object[] right) {
        for (int c = 0; c < 6; c++) {
            if (left[c] == null && right[c] == null) {
                continue;
            }
            if (left[c] == null || right[c] == null) {
                return left[c] == null ? -1 : 1;
            }
            int order = ((Comparable) left[c]).compareTo(right[c]);
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    @Test
    void theSameSeedGivesTheSameRows() {
        GroupByParameters parameters = new GroupByParameters(5000, 10, 5, false, 7);
        List<Object[]> first = summarize(parameters, true).rows;
        List<Object[]> second = summarize(parameters, true).rows;
        assertThat(second).usingRecursiveFieldByFieldElementComparator().isEqualTo(first);
        List<Object[]> other = summarize(new GroupByParameters(5000, 10, 5, false, 8), true).rows;
        assertThat(other.get(0)).isNotEqualTo(first.get(0));
    }

    @Test
    void datasetNamesFollowTheBenchmark() {
        assertThat(new GroupByParameters(10_000_000, 100, 5, false, 108).datasetName()).isEqualTo("G1_1e7_1e2_5_0");
        assertThat(new GroupByParameters(10_000_000, 2, 0, true, 108).datasetName()).isEqualTo("G1_1e7_2e0_0_1");
        assertThat(GroupByParameters.scientific(15_000)).isEqualTo("1.5e4");
    }

    @Test
    void theTableFunctionTakesTheScriptsArguments() {
        GroupByTableFunction function = new GroupByTableFunction();
        BoundTableFunction bound = function.bind(List.of(1e6, 10L, 5L, 1L));
        assertThat(bound.columns()).hasSize(9);
        assertThat(bound.columns().get(8).type()).isEqualTo(LogicalType.DOUBLE);
        GroupByTable table = (GroupByTable) ((io.basalt.datasets.GeneratedTableFunction) bound).table();
        assertThat(table.parameters()).isEqualTo(new GroupByParameters(1_000_000, 10, 5, true, 108));
        assertThatThrownBy(() -> function.bind(List.of(1000L, 10L, 5L, 2L)))
                .isInstanceOf(BasaltException.class).hasMessage("sort must be 0 or 1, got 2");
        assertThatThrownBy(() -> function.bind(List.of(1.5)))
                .hasMessage("argument 1 of h2o_groupby must be a whole number, got 1.5");
        assertThatThrownBy(() -> function.bind(List.of(0L)))
                .hasMessage("number of rows must be positive, got 0");
    }
}
