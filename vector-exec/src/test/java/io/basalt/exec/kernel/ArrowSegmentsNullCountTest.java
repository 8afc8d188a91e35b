package io.basalt.exec.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.exec.memory.MemoryRoots;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.Test;

/**
 * {@link ArrowSegments#nullCount}, which counts the bitmap a word at a time, against Arrow's own count, over sizes
 * around the 64-row words and the 8-row bytes, for no, some and only NULLs, fixed- and variable-width vectors.
 */
class ArrowSegmentsNullCountTest {
    @Test
    void countsAsArrowDoes() {
        Random random = new Random(11);
        try (BufferAllocator allocator = MemoryRoots.newRoot("null count test", 1L << 28)) {
            for (LogicalType type : new LogicalType[] {LogicalType.BIGINT, LogicalType.INTEGER, LogicalType.TEXT}) {
                for (int rows : new int[] {0, 1, 7, 8, 9, 63, 64, 65, 127, 128, 1023, 2048, 2049, 4099}) {
                    for (int nullEvery : new int[] {0, 1, 2, 13}) {
                        try (FieldVector vector = ValueAccess.allocate(type, "v", allocator, rows)) {
                            for (int i = 0; i < rows; i++) {
                                boolean isNull = nullEvery == 1 || nullEvery > 1 && random.nextInt(nullEvery) == 0;
                                Object value = type == LogicalType.TEXT ? "x" + i : (Object) (long) i;
                                ValueAccess.set(vector, i, isNull ? null : value);
                            }
                            vector.setValueCount(rows);
                            assertThat(ArrowSegments.nullCount(vector)).as("%s rows %d every %d", type, rows, nullEvery)
                                    .isEqualTo(vector.getNullCount());
                        }
                    }
                }
            }
        }
    }
}
