package io.basalt.exec.operator.set;

import static io.basalt.exec.operator.set.SetTestRows.run;
import static io.basalt.exec.operator.set.SetTestRows.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.exec.operator.PhysicalOperator;
import io.basalt.exec.operator.limit.LimitOperator;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** UNION ALL's operator: every input's rows in input order, empty inputs, limits below and above it. */
class AppendOperatorTest {
    private static final List<LogicalType> TYPES = List.of(LogicalType.BIGINT, LogicalType.TEXT);

    private static List<List<Object>> rows(String label, int count) {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(Arrays.asList(i % 5 == 0 ? null : (long) i, label + i));
        }
        return rows;
    }

    @ParameterizedTest(name = "vector size {0}")
    @ValueSource(ints = {1, 7, 2048})
    void outputsEachInputsRowsInTurn(int vectorSize) {
        int[][] shapes = {{0, 0}, {0, 3}, {3, 0}, {7, 8}, {20, 1}};
        for (int[] shape : shapes) {
            List<List<Object>> first = rows("a", shape[0]);
            List<List<Object>> second = rows("b", shape[1]);
            List<List<Object>> expected = new ArrayList<>(first);
            expected.addAll(second);
            AppendOperator append = new AppendOperator(List.of(source(TYPES, first), source(TYPES, second)));
            assertThat(run(append, vectorSize)).as("shape %s", Arrays.toString(shape)).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "vector size {0}")
    @ValueSource(ints = {1, 7, 2048})
    void aLimitInAnInputDoesNotEndTheOtherInputs(int vectorSize) {
        PhysicalOperator limited = new LimitOperator(source(TYPES, rows("a", 10)), 2, 1);
        AppendOperator append = new AppendOperator(List.of(limited, source(TYPES, rows("b", 3)), limited));
        List<List<Object>> expected = new ArrayList<>(rows("a", 3).subList(1, 3));
        expected.addAll(rows("b", 3));
        expected.addAll(rows("a", 3).subList(1, 3));
        assertThat(run(append, vectorSize)).isEqualTo(expected);
    }

    @Test
    void aLimitAboveStopsEarly() {
        AppendOperator append = new AppendOperator(List.of(source(TYPES, rows("a", 4)), source(TYPES, rows("b", 4))));
        assertThat(run(new LimitOperator(append, 5, 0), 3)).isEqualTo(
                List.of(rows("a", 4).get(0), rows("a", 4).get(1), rows("a", 4).get(2), rows("a", 4).get(3),
                        rows("b", 1).get(0)));
    }

    @Test
    void rejectsInputsOfDifferentTypes() {
        assertThatThrownBy(() -> new AppendOperator(List.of(source(TYPES, List.of()),
                source(List.of(LogicalType.BIGINT, LogicalType.BIGINT), List.of()))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
