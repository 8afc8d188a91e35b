package io.basalt.exec.function.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import java.math.BigDecimal;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * sum and avg fed unscaled longs ({@link UnscaledSumState#updateUnscaled}) give exactly what they give when fed the
 * same values as a NUMERIC vector ({@code update}), for unconstrained NUMERIC (values of two scales in one group,
 * running sums beyond 64 bits) and for a 128-bit NUMERIC(30,4), with NULL rows, grouped and not, and across a merge.
 */
class UnscaledSumStateTest {
    @ParameterizedTest(name = "avg={0} wide={1} grouped={2}")
    @CsvSource({"false,false,true", "true,false,true", "false,true,true", "true,true,true", "false,false,false",
            "true,true,false"})
    void unscaledLongsSumAsTheVectorDoes(boolean average, boolean wide, boolean grouped) {
        Random random = new Random((average ? 1 : 0) + (wide ? 2 : 0) + (grouped ? 4 : 0));
        LogicalType argumentType = wide ? LogicalType.numeric(30, 4) : LogicalType.NUMERIC;
        SumAverageAggregate aggregate = new SumAverageAggregate(average, argumentType);
        int groups = grouped ? 5 : 1;
        try (BufferAllocator allocator = new RootAllocator();
             FieldVector expectedOut = ValueAccess.allocate(aggregate.resultType(), "e", allocator, groups);
             FieldVector actualOut = ValueAccess.allocate(aggregate.resultType(), "a", allocator, groups)) {
            GroupedAggregateState byVector = aggregate.newState();
            GroupedAggregateState byLongs = aggregate.newState();
            GroupedAggregateState mergedIn = aggregate.newState();
            byVector.ensureGroups(groups);
            byLongs.ensureGroups(groups);
            mergedIn.ensureGroups(groups);
            for (int batch = 0; batch < 6; batch++) {
                int rows = 1 + random.nextInt(700);
                int scale = wide || random.nextBoolean() ? 4 : 2;
                long[] values = new long[rows];
                boolean[] nulls = new boolean[rows];
                int[] groupIds = new int[rows];
                try (FieldVector vector = ValueAccess.allocate(argumentType, "v", allocator, rows)) {
                    for (int i = 0; i < rows; i++) {
                        nulls[i] = random.nextInt(10) == 0;
                        // a quarter near the 64-bit limit, so that running sums overflow and are folded
                        values[i] = nulls[i] ? 0 : random.nextInt(4) == 0 ? Long.MAX_VALUE - random.nextInt(1000)
                                : random.nextLong() >> random.nextInt(60);
                        if (random.nextInt(4) == 0) {
                            values[i] = -values[i];
                        }
                        groupIds[i] = random.nextInt(groups);
                        ValueAccess.set(vector, i, nulls[i] ? null : BigDecimal.valueOf(values[i], scale));
                    }
                    vector.setValueCount(rows);
                    byVector.update(vector, groupIds, rows);
                }
                UnscaledSumState target = (UnscaledSumState) (batch % 2 == 0 ? byLongs : mergedIn);
                assertThat(target.takesUnscaled(scale)).isTrue();
                target.updateUnscaled(values, nulls, scale, grouped ? groupIds : null, rows);
            }
            int[] identity = new int[groups];
            for (int g = 0; g < groups; g++) {
                identity[g] = g;
            }
            byLongs.merge(mergedIn, identity, groups);
            byVector.writeResults(expectedOut, groups);
            byLongs.writeResults(actualOut, groups);
            expectedOut.setValueCount(groups);
            actualOut.setValueCount(groups);
            for (int g = 0; g < groups; g++) {
                assertThat(ValueAccess.get(actualOut, g)).as("group %d", g).isEqualTo(ValueAccess.get(expectedOut, g));
            }
        }
    }
}
