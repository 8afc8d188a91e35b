package io.basalt.exec.expression;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.memory.MemoryRoots;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import java.math.BigDecimal;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.Test;

/**
 * A constant fills every row of its vector with its value: the 128-bit NUMERIC form, converted once and
 * copied, over batch sizes at the edges, for values at the edges of NUMERIC(38, 4).
 */
class ConstantExpressionTest {
    @Test
    void wideNumericConstantsFillEveryRow() {
        LogicalType type = LogicalType.numeric(38, 4);
        BigDecimal[] values = {
            new BigDecimal("0.0000"), new BigDecimal("-1.5"), new BigDecimal("300"),
            new BigDecimal("9999999999999999999999999999999999.9999"),
            new BigDecimal("-9999999999999999999999999999999999.9999"), new BigDecimal("18446744073709551616.0001"),
        };
        try (BufferAllocator allocator = MemoryRoots.newRoot("constants", 1L << 26);
             EvaluationContext context = new EvaluationContext(allocator)) {
            for (BigDecimal value : values) {
                ConstantExpression constant = new ConstantExpression(type, value);
                for (int rows : new int[]{0, 1, 7, 16, 17, 2049}) {
                    FieldVector vector = constant.evaluate(new Batch(List.of(), rows), context);
                    assertThat(vector.getValueCount()).isEqualTo(rows);
                    for (int i = 0; i < rows; i++) {
                        assertThat((BigDecimal) ValueAccess.get(vector, i)).as("row %s of %s", i, rows)
                                .isEqualByComparingTo(value);
                    }
                    context.releaseBatch();
                }
            }
        }
    }
}
