package io.basalt.exec.operator.set;

import static io.basalt.exec.operator.set.SetTestRows.run;
import static io.basalt.exec.operator.set.SetTestRows.source;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.exec.operator.limit.LimitOperator;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Repeating rows by their count column: zero, negative and NULL counts, counts larger than a batch, and a
 * limit above that stops in the middle of one row's copies.
 */
class RepeatOperatorTest {
    private static final List<LogicalType> TYPES = List.of(LogicalType.TEXT, LogicalType.BIGINT);

    private static List<List<Object>> counted(Object... labelsAndCounts) {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < labelsAndCounts.length; i += 2) {
            rows.add(Arrays.asList(labelsAndCounts[i], labelsAndCounts[i + 1]));
        }
        return rows;
    }

    /** The reference: each row {@code count} times, without its count. */
    private static List<List<Object>> repeated(List<List<Object>> rows) {
        List<List<Object>> out = new ArrayList<>();
        for (List<Object> row : rows) {
            long count = row.get(1) == null ? 0 : (Long) row.get(1);
            for (long k = 0; k < count; k++) {
                out.add(Arrays.asList(row.get(0)));
            }
        }
        return out;
    }

    @ParameterizedTest(name = "vector size {0}")
    @ValueSource(ints = {1, 7, 2048})
    void repeatsEachRowByItsCount(int vectorSize) {
        List<List<Object>> rows = counted("a", 3L, "b", 0L, "c", null, null, 2L, "d", -4L, "e", 20L, "f", 1L,
                "g", 0L, "h", 7L, "i", 8L);
        assertThat(run(new RepeatOperator(source(TYPES, rows)), vectorSize)).isEqualTo(repeated(rows));
    }

    @ParameterizedTest(name = "vector size {0}")
    @ValueSource(ints = {1, 7, 2048})
    void rowsWithoutCopiesGiveNothing(int vectorSize) {
        List<List<Object>> rows = counted("a", 0L, "b", null, "c", -1L, "d", 0L, "e", 0L, "f", 0L, "g", 0L, "h", 0L);
        assertThat(run(new RepeatOperator(source(TYPES, rows)), vectorSize)).isEmpty();
    }

    @Test
    void aLimitAboveStopsWithinOneRowsCopies() {
        List<List<Object>> rows = counted("a", 2L, "b", 1000L, "c", 5L);
        assertThat(run(new LimitOperator(new RepeatOperator(source(TYPES, rows)), 10, 0), 7))
                .isEqualTo(repeated(rows).subList(0, 10));
    }

    @Test
    void dropsTheCountColumn() {
        assertThat(new RepeatOperator(source(TYPES, List.of())).outputTypes()).containsExactly(LogicalType.TEXT);
    }
}
