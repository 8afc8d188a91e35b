package io.basalt.exec.function.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.Test;

/** Grouped sum(bigint) stays exact when running totals pass the 64-bit range, also across a merge. */
class SumAverageAggregateTest {
    @Test
    void groupedSumsOfHugeValuesAreExactAcrossMerges() {
        Random random = new Random(3);
        SumAverageAggregate sum = new SumAverageAggregate(false, LogicalType.BIGINT);
        int rows = 5000;
        int groups = 7;
        BigInteger[] expected = new BigInteger[groups];
        java.util.Arrays.fill(expected, BigInteger.ZERO);
        try (BufferAllocator allocator = new RootAllocator();
             FieldVector values = ValueAccess.allocate(LogicalType.BIGINT, "v", allocator, rows);
             FieldVector out = ValueAccess.allocate(sum.resultType(), "s", allocator, groups)) {
            int[] groupIds = new int[rows];
            for (int i = 0; i < rows; i++) {
                long value = random.nextBoolean() ? Long.MAX_VALUE - random.nextInt(1000) : random.nextLong();
                groupIds[i] = random.nextInt(groups);
                ValueAccess.set(values, i, value);
                expected[groupIds[i]] = expected[groupIds[i]].add(BigInteger.valueOf(value));
            }
            values.setValueCount(rows);
            GroupedAggregateState first = sum.newState();
            GroupedAggregateState second = sum.newState();
            first.ensureGroups(groups);
            second.ensureGroups(groups);
            // Half the rows in each state, then merge the second into the first, as parallel workers do.
            int half = rows / 2;
            first.update(values, groupIds, half);
            int[] rest = java.util.Arrays.copyOfRange(groupIds, half, rows);
            try (FieldVector tail = ValueAccess.allocate(LogicalType.BIGINT, "t", allocator, rows - half)) {
                for (int i = half; i < rows; i++) {
                    ValueAccess.set(tail, i - half, ValueAccess.get(values, i));
                }
                tail.setValueCount(rows - half);
                second.update(tail, rest, rows - half);
            }
            int[] identity = new int[groups];
            for (int g = 0; g < groups; g++) {
                identity[g] = g;
            }
            first.merge(second, identity, groups);
            first.writeResults(out, groups);
            out.setValueCount(groups);
            for (int g = 0; g < groups; g++) {
                assertThat(((BigDecimal) ValueAccess.get(out, g)).toBigIntegerExact()).isEqualTo(expected[g]);
            }
        }
    }
}
