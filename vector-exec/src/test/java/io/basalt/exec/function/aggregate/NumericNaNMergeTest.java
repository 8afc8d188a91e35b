package io.basalt.exec.function.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import io.basalt.type.NumericSpecial;
import java.math.BigDecimal;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.Test;

/**
 * A NaN of a scaled NUMERIC (64-bit or 128-bit form) seen by one parallel worker's state makes its group's
 * sum, avg and variance NaN after the states merge; a group without NaN keeps its exact result.
 */
class NumericNaNMergeTest {
    private static final int[] IDENTITY = {0, 1};

    @Test
    void nanInOneWorkerMakesTheMergedSumAndAverageNaN() {
        for (LogicalType type : new LogicalType[] {LogicalType.numeric(10, 2), LogicalType.numeric(30, 2)}) {
            assertMerged(new SumAverageAggregate(false, type), type, "3.75");
            assertMerged(new SumAverageAggregate(true, type), type, "1.8750000000000000");
            assertMerged(new NumericVarianceAggregate("var_pop", VarianceKind.VAR_POP, type), type,
                    "0.76562500000000000000");
        }
    }

    /**
     * The first worker sees group 0: 5.00 and group 1: 1.00; the second sees group 0: NaN and group 1: 2.75.
     * Group 0 must be NaN and group 1 {@code expectedGroupOne}.
     */
    private static void assertMerged(AggregateFunction function, LogicalType type, String expectedGroupOne) {
        try (BufferAllocator allocator = new RootAllocator();
             FieldVector firstRows = ValueAccess.allocate(type, "a", allocator, 2);
             FieldVector secondRows = ValueAccess.allocate(type, "b", allocator, 2);
             FieldVector out = ValueAccess.allocate(function.resultType(), "out", allocator, 2)) {
            set(firstRows, type, "5.00", "1.00");
            set(secondRows, type, null, "2.75");
            int[] groups = {0, 1};
            GroupedAggregateState first = function.newState();
            GroupedAggregateState second = function.newState();
            first.ensureGroups(2);
            second.ensureGroups(2);
            first.update(firstRows, groups, 2);
            second.update(secondRows, groups, 2);
            first.merge(second, IDENTITY, 2);
            first.writeResults(out, 2);
            out.setValueCount(2);
            assertThat(ValueAccess.get(out, 0)).as(function.name() + " over " + type).isSameAs(NumericSpecial.NAN);
            assertThat(((BigDecimal) ValueAccess.get(out, 1)).toPlainString()).as(function.name() + " over " + type)
                    .isEqualTo(expectedGroupOne);
        }
    }

    /** Stores two values (null meaning NaN) in the column's canonical form. */
    private static void set(FieldVector vector, LogicalType type, String first, String second) {
        String[] texts = {first, second};
        for (int i = 0; i < 2; i++) {
            BigDecimal value = texts[i] == null ? NumericSpecial.NAN : new BigDecimal(texts[i]);
            ValueAccess.set(vector, i, io.basalt.type.ValueConversion.fromDecimal(value, type));
        }
        vector.setValueCount(2);
    }
}
