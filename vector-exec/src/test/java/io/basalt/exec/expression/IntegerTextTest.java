package io.basalt.exec.expression;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import io.basalt.type.ValueConversion;
import io.basalt.type.datetime.DateTimeSettings;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.Test;

/**
 * Casts of integers to text through {@link IntegerText} give, row for row, what the general value-by-value
 * conversion gives ({@link ValueConversion}), extremes, zero and NULLs included.
 */
class IntegerTextTest {
    private static final long[] EDGES = {0, 1, -1, 9, 10, -10, 99, 100, Long.MAX_VALUE, Long.MIN_VALUE,
        Integer.MAX_VALUE, Integer.MIN_VALUE, Short.MAX_VALUE, Short.MIN_VALUE, 999_999_999_999_999_999L,
        1_000_000_000_000_000_000L, -999_999_999_999_999_999L, -1_000_000_000_000_000_000L};

    @Test
    void bigintIntegerAndSmallintMatchTheGeneralConversion() {
        check(LogicalType.BIGINT, LogicalType.TEXT);
        check(LogicalType.INTEGER, LogicalType.TEXT);
        check(LogicalType.SMALLINT, LogicalType.VARCHAR);
    }

    @Test
    void lengthCountsSignAndDigits() {
        for (long value : EDGES) {
            assertThat(IntegerText.length(value)).as("%d", value).isEqualTo(Long.toString(value).length());
        }
        Random random = new Random(3);
        for (int k = 0; k < 100_000; k++) {
            long value = random.nextLong() >> random.nextInt(64);
            assertThat(IntegerText.length(value)).isEqualTo(Long.toString(value).length());
        }
    }

    private static void check(LogicalType from, LogicalType to) {
        int rows = 1031;
        Random random = new Random(11);
        try (BufferAllocator allocator = new RootAllocator();
             FieldVector in = ValueAccess.allocate(from, "i", allocator, rows);
             EvaluationContext context = new EvaluationContext(allocator)) {
            Object[] values = new Object[rows];
            for (int i = 0; i < rows; i++) {
                long value = i < EDGES.length ? EDGES[i] : random.nextLong() >> random.nextInt(64);
                values[i] = i % 13 == 7 ? null : narrow(value, from);
                ValueAccess.set(in, i, values[i]);
            }
            in.setValueCount(rows);
            CastExpression cast = new CastExpression(new ColumnExpression(0, from), to, true);
            FieldVector out = cast.evaluate(new Batch(List.of(in), rows), context);
            for (int i = 0; i < rows; i++) {
                Object expected = values[i] == null ? null
                        : ValueConversion.convert(values[i], from, to, true, DateTimeSettings.current());
                assertThat(ValueAccess.get(out, i)).as("row %d", i).isEqualTo(expected);
            }
        }
    }

    private static Object narrow(long value, LogicalType type) {
        return switch (type.id()) {
            case SMALLINT -> (long) (short) value;
            case INTEGER -> (long) (int) value;
            default -> value;
        };
    }
}
