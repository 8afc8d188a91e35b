package io.basalt.exec.expression;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.Test;

/** 128-bit NUMERIC arithmetic agrees with BigDecimal for scaled 64-bit and 128-bit operands, NULLs included. */
class WideDecimalArithmeticTest {
    private static final Random RANDOM = new Random(7);

    private static Object randomValue(LogicalType type, int row) {
        if (row % 11 == 5) {
            return null;
        }
        int digits = 1 + RANDOM.nextInt(type.precision());
        BigInteger unscaled = new BigInteger(digits * 3, RANDOM).mod(BigInteger.TEN.pow(digits));
        if (RANDOM.nextBoolean()) {
            unscaled = unscaled.negate();
        }
        BigDecimal value = new BigDecimal(unscaled, type.scale());
        return type.isScaledLong() ? value.unscaledValue().longValueExact() : value;
    }

    private static BigDecimal decimal(Object value, LogicalType type) {
        return value instanceof Long l ? BigDecimal.valueOf(l, type.scale()) : (BigDecimal) value;
    }

    private static void check(ArithmeticOperator operator, LogicalType leftType, LogicalType rightType,
                              LogicalType resultType) {
        int rows = 257;
        try (BufferAllocator allocator = new RootAllocator();
             FieldVector left = ValueAccess.allocate(leftType, "l", allocator, rows);
             FieldVector right = ValueAccess.allocate(rightType, "r", allocator, rows);
             EvaluationContext context = new EvaluationContext(allocator)) {
            Object[] a = new Object[rows];
            Object[] b = new Object[rows];
            for (int i = 0; i < rows; i++) {
                a[i] = randomValue(leftType, i);
                b[i] = randomValue(rightType, i * 3);
                ValueAccess.set(left, i, a[i]);
                ValueAccess.set(right, i, b[i]);
            }
            left.setValueCount(rows);
            right.setValueCount(rows);
            ArithmeticExpression expression = new ArithmeticExpression(operator, new ColumnExpression(0, leftType),
                    new ColumnExpression(1, rightType), resultType);
            FieldVector out = expression.evaluate(new Batch(List.of(left, right), rows), context);
            for (int i = 0; i < rows; i++) {
                if (a[i] == null || b[i] == null) {
                    assertThat(out.isNull(i)).isTrue();
                    continue;
                }
                BigDecimal x = decimal(a[i], leftType);
                BigDecimal y = decimal(b[i], rightType);
                BigDecimal expected = switch (operator) {
                    case ADD -> x.add(y);
                    case SUBTRACT -> x.subtract(y);
                    case MULTIPLY -> x.multiply(y);
                    default -> throw new IllegalArgumentException();
                };
                assertThat((BigDecimal) ValueAccess.get(out, i)).as("%s %s %s", x, operator, y)
                        .isEqualByComparingTo(expected);
            }
        }
    }

    @Test
    void productsOfScaledLongsAndWideValues() {
        check(ArithmeticOperator.MULTIPLY, LogicalType.numeric(15, 2), LogicalType.numeric(16, 2), LogicalType.numeric(31, 4));
        check(ArithmeticOperator.MULTIPLY, LogicalType.numeric(31, 4), LogicalType.numeric(7, 2), LogicalType.numeric(38, 6));
        check(ArithmeticOperator.MULTIPLY, LogicalType.numeric(18, 0), LogicalType.numeric(18, 0), LogicalType.numeric(36, 0));
    }

    @Test
    void sumsAndDifferencesAtOneScale() {
        check(ArithmeticOperator.ADD, LogicalType.numeric(18, 2), LogicalType.numeric(18, 2), LogicalType.numeric(19, 2));
        check(ArithmeticOperator.SUBTRACT, LogicalType.numeric(30, 4), LogicalType.numeric(30, 4), LogicalType.numeric(31, 4));
        check(ArithmeticOperator.ADD, LogicalType.numeric(37, 5), LogicalType.numeric(18, 5), LogicalType.numeric(38, 5));
    }
}
