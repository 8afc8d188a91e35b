package io.basalt.exec.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.exec.memory.MemoryRoots;
import io.basalt.exec.kernel.TestColumns.Shape;
import io.basalt.exec.kernel.TestColumns.Validity;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The kernels over real Arrow vectors seen through {@link ArrowSegments}, as the executor calls them.
 * Null slots hold leftover values (a value is written, then the slot is set null), which the kernels
 * must ignore. Every vector is closed and the allocator must end empty.
 */
class KernelsOnArrowVectorsTest {
    private static final Kernels[] IMPLEMENTATIONS = {new PlainKernels(), new VectorKernels()};
    private static final Validity[] VALIDITIES = {Validity.ABSENT, Validity.MOSTLY_VALID, Validity.MOSTLY_NULL, Validity.ALL_NULL};

    private BufferAllocator allocator;

    @BeforeEach
    void openAllocator() {
        allocator = MemoryRoots.newRoot("kernels-on-arrow-test", Long.MAX_VALUE);
    }

    @AfterEach
    void closeAllocator() {
        assertThat(allocator.getAllocatedMemory()).as("memory still allocated").isZero();
        allocator.close();
    }

    static IntStream sizes() {
        return Arrays.stream(TestColumns.SIZES);
    }

    @ParameterizedTest(name = "{0} rows")
    @MethodSource("sizes")
    void bigIntVectors(int count) {
        Random random = new Random(61 + count);
        for (Validity validity : VALIDITIES) {
            long[] data = TestColumns.longs(random, count, Shape.BOUNDARIES);
            boolean[] valid = validity.generate(random, count);
            try (BigIntVector vector = new BigIntVector("v", allocator)) {
                vector.allocateNew(count);
                for (int i = 0; i < count; i++) {
                    vector.set(i, data[i]);
                    if (!KernelOracle.isValid(valid, i)) {
                        vector.setNull(i);
                    }
                }
                vector.setValueCount(count);
                assertThat(ArrowSegments.validity(vector) == null).isEqualTo(vector.getNullCount() == 0);
                for (Kernels kernels : IMPLEMENTATIONS) {
                    String description = kernels.getClass().getSimpleName() + " " + count + " rows " + validity;
                    for (CompareOp op : CompareOp.values()) {
                        for (long constant : new long[] {0, Long.MIN_VALUE, Long.MAX_VALUE, 1L << 32}) {
                            int[] selection = new int[count];
                            int n = kernels.selectLong(ArrowSegments.values(vector), ArrowSegments.validity(vector), count, op, constant, selection);
                            assertThat(Arrays.copyOf(selection, n)).as(description + " " + op.symbol() + " " + constant)
                                .containsExactly(KernelOracle.selectLong(data, valid, op, constant));
                        }
                    }
                    long[] lowHigh = new long[2];
                    kernels.sumLong(ArrowSegments.values(vector), ArrowSegments.validity(vector), count, lowHigh);
                    assertThat(BigInteger.valueOf(lowHigh[1]).shiftLeft(32).add(BigInteger.valueOf(lowHigh[0])))
                        .as(description).isEqualTo(KernelOracle.sumLong(data, valid));
                    assertThat(kernels.countValid(ArrowSegments.validity(vector), count)).isEqualTo(count - vector.getNullCount());
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} rows")
    @MethodSource("sizes")
    void intVectors(int count) {
        Random random = new Random(67 + count);
        for (Validity validity : VALIDITIES) {
            int[] data = TestColumns.ints(random, count, Shape.BOUNDARIES);
            int[] other = TestColumns.partner(random, data, Shape.FEW_DISTINCT);
            boolean[] valid = validity.generate(random, count);
            try (IntVector vector = new IntVector("v", allocator); IntVector right = new IntVector("w", allocator)) {
                vector.allocateNew(count);
                right.allocateNew(count);
                for (int i = 0; i < count; i++) {
                    vector.set(i, data[i]);
                    right.set(i, other[i]);
                    if (!KernelOracle.isValid(valid, i)) {
                        vector.setNull(i);
                    }
                }
                vector.setValueCount(count);
                right.setValueCount(count);
                for (Kernels kernels : IMPLEMENTATIONS) {
                    String description = kernels.getClass().getSimpleName() + " " + count + " rows " + validity;
                    for (CompareOp op : CompareOp.values()) {
                        int[] selection = new int[count];
                        int n = kernels.selectInt(ArrowSegments.values(vector), ArrowSegments.validity(vector), count, op, 0, selection);
                        assertThat(Arrays.copyOf(selection, n)).as(description + " " + op.symbol())
                            .containsExactly(KernelOracle.selectInt(data, valid, op, 0));
                        n = kernels.selectIntPairs(ArrowSegments.values(vector), ArrowSegments.validity(vector),
                            ArrowSegments.values(right), ArrowSegments.validity(right), count, op, selection);
                        assertThat(Arrays.copyOf(selection, n)).as(description + " pairs " + op.symbol())
                            .containsExactly(KernelOracle.selectIntPairs(data, valid, other, null, op));
                    }
                    assertThat(kernels.sumInt(ArrowSegments.values(vector), ArrowSegments.validity(vector), count))
                        .as(description).isEqualTo(KernelOracle.sumInt(data, valid));
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} rows")
    @MethodSource("sizes")
    void float8Vectors(int count) {
        Random random = new Random(71 + count);
        for (Validity validity : VALIDITIES) {
            double[] data = TestColumns.doubles(random, count, Shape.BOUNDARIES);
            boolean[] valid = validity.generate(random, count);
            try (Float8Vector vector = new Float8Vector("v", allocator)) {
                vector.allocateNew(count);
                for (int i = 0; i < count; i++) {
                    vector.set(i, data[i]);
                    if (!KernelOracle.isValid(valid, i)) {
                        vector.setNull(i);
                    }
                }
                vector.setValueCount(count);
                for (Kernels kernels : IMPLEMENTATIONS) {
                    String description = kernels.getClass().getSimpleName() + " " + count + " rows " + validity;
                    for (CompareOp op : CompareOp.values()) {
                        for (double constant : new double[] {Double.NaN, -0.0, Double.POSITIVE_INFINITY, 1.0}) {
                            int[] selection = new int[count];
                            int n = kernels.selectDouble(ArrowSegments.values(vector), ArrowSegments.validity(vector), count, op, constant, selection);
                            assertThat(Arrays.copyOf(selection, n)).as(description + " " + op.symbol() + " " + constant)
                                .containsExactly(KernelOracle.selectDouble(data, valid, op, constant));
                        }
                    }
                    assertThat(Double.doubleToLongBits(kernels.sumDouble(ArrowSegments.values(vector), ArrowSegments.validity(vector), count)))
                        .as(description).isEqualTo(Double.doubleToLongBits(KernelOracle.sumDouble(data, valid)));
                }
            }
        }
    }

    @Test
    void aVectorWithoutNullsHasNoValiditySegment() {
        try (BigIntVector vector = new BigIntVector("v", allocator)) {
            vector.allocateNew(3);
            vector.set(0, 1);
            vector.set(1, 2);
            vector.set(2, 3);
            vector.setValueCount(3);
            assertThat(ArrowSegments.validity(vector)).isNull();
            assertThat(ArrowSegments.values(vector).byteSize()).isGreaterThanOrEqualTo(3 * Long.BYTES);
            vector.setNull(1);
            assertThat(ArrowSegments.validity(vector)).isNotNull();
        }
    }
}
