package io.basalt.exec.expression;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.kernel.CompareOp;
import io.basalt.exec.memory.MemoryRoots;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.Test;

/**
 * Every operator over every pair of a set of boundary values (NULLs, MIN/MAX, NaN, -0, infinities) gives what
 * PostgreSQL's order says, for each specialised operand type and the generic path (text), batch after batch in one
 * context (so that reused output vectors start empty).
 */
class ComparisonExpressionTest {
    private static final Object[] LONGS = {null, Long.MIN_VALUE, -1L, 0L, 1L, 7L, Long.MAX_VALUE};
    private static final Object[] INTS = {null, (long) Integer.MIN_VALUE, -3L, 0L, 3L, (long) Integer.MAX_VALUE};
    private static final Object[] DOUBLES = {null, Double.NEGATIVE_INFINITY, -1.5, -0.0, 0.0, 2.5,
        Double.POSITIVE_INFINITY, Double.NaN};
    private static final Object[] TEXTS = {null, "", "a", "ab", "b"};

    @Test
    void everyOperatorOverBoundaryValues() {
        try (BufferAllocator allocator = MemoryRoots.newRoot("comparison", 1L << 26);
             EvaluationContext context = new EvaluationContext(allocator)) {
            check(LogicalType.BIGINT, LONGS, allocator, context);
            check(LogicalType.INTEGER, INTS, allocator, context);
            check(LogicalType.DATE, INTS, allocator, context);
            check(LogicalType.DOUBLE, DOUBLES, allocator, context);
            check(LogicalType.TEXT, TEXTS, allocator, context);
        }
    }

    private static void check(LogicalType type, Object[] values, BufferAllocator allocator,
                              EvaluationContext context) {
        List<Object> lefts = new ArrayList<>();
        List<Object> rights = new ArrayList<>();
        for (Object left : values) {
            for (Object right : values) {
                lefts.add(left);
                rights.add(right);
            }
        }
        int rows = lefts.size();
        try (FieldVector left = ValueAccess.allocate(type, "l", allocator, rows);
             FieldVector right = ValueAccess.allocate(type, "r", allocator, rows)) {
            for (int i = 0; i < rows; i++) {
                ValueAccess.set(left, i, lefts.get(i));
                ValueAccess.set(right, i, rights.get(i));
            }
            left.setValueCount(rows);
            right.setValueCount(rows);
            Batch batch = new Batch(List.of(left, right), rows);
            for (CompareOp op : CompareOp.values()) {
                ComparisonExpression comparison = new ComparisonExpression(op, new ColumnExpression(0, type),
                        new ColumnExpression(1, type));
                BitVector out = (BitVector) comparison.evaluate(batch, context);
                assertThat(out.getValueCount()).isEqualTo(rows);
                for (int i = 0; i < rows; i++) {
                    Object l = lefts.get(i);
                    Object r = rights.get(i);
                    String what = type + ": " + l + " " + op.symbol() + " " + r;
                    if (l == null || r == null) {
                        assertThat(out.isNull(i)).as(what).isTrue();
                    } else {
                        assertThat(out.isNull(i)).as(what).isFalse();
                        assertThat(out.get(i) == 1).as(what).isEqualTo(op.test(expected(l, r)));
                    }
                }
                context.releaseBatch();
            }
        }
    }

    /** PostgreSQL's order: NaN equals NaN and is above every other float8; -0 equals 0. */
    private static int expected(Object left, Object right) {
        return switch (left) {
            case Long l -> Long.compare(l, (Long) right);
            case Double l -> {
                double r = (Double) right;
                if (Double.isNaN(l) || Double.isNaN(r)) {
                    yield Boolean.compare(Double.isNaN(l), Double.isNaN(r));
                }
                yield l == r ? 0 : l < r ? -1 : 1;
            }
            case String l -> l.compareTo((String) right);
            default -> throw new AssertionError(left);
        };
    }
}
