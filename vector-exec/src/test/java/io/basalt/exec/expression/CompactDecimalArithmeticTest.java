package io.basalt.exec.expression;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.memory.MemoryRoots;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import io.basalt.type.NumericSpecial;
import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.junit.jupiter.api.Test;

/**
 * The fused NUMERIC arithmetic against the node-by-node tree it replaces: the same values (for unconstrained
 * NUMERIC the same bytes, hence the same scale) and the same NULLs, over batch sizes 0 to 2049, with values
 * near the 64-bit limits (whose batches fall back to the tree), NaN, and constants.
 */
class CompactDecimalArithmeticTest {
    private static final LogicalType MONEY = LogicalType.numeric(15, 2);
    private static final LogicalType RATE = LogicalType.numeric(16, 2);
    private static final LogicalType PRODUCT = LogicalType.numeric(31, 4);

    /** l_extendedprice * (1 - l_discount) as the binder types it: NUMERIC(15,2) * NUMERIC(16,2) -> NUMERIC(31,4). */
    private static ArithmeticExpression discounted() {
        ArithmeticExpression oneMinus = new ArithmeticExpression(ArithmeticOperator.SUBTRACT,
                new CastExpression(new ConstantExpression(LogicalType.INTEGER, 1L), RATE, false),
                new CastExpression(new ColumnExpression(1, MONEY), RATE, false), RATE);
        return new ArithmeticExpression(ArithmeticOperator.MULTIPLY, new ColumnExpression(0, MONEY), oneMinus, PRODUCT);
    }

    /** discounted() with its 1 as the binder folds it: a NUMERIC(16,2) constant held unscaled (100). */
    private static ArithmeticExpression discountedByScaledOne() {
        ArithmeticExpression oneMinus = new ArithmeticExpression(ArithmeticOperator.SUBTRACT,
                new ConstantExpression(RATE, 100L), new CastExpression(new ColumnExpression(1, MONEY), RATE, false),
                RATE);
        return new ArithmeticExpression(ArithmeticOperator.MULTIPLY, new ColumnExpression(0, MONEY), oneMinus, PRODUCT);
    }

    /** discounted * (1 + l_tax) + 0.001 - quantity, in unconstrained NUMERIC. */
    private static ArithmeticExpression charged() {
        ArithmeticExpression onePlus = new ArithmeticExpression(ArithmeticOperator.ADD,
                new CastExpression(new ConstantExpression(LogicalType.INTEGER, 1L), RATE, false),
                new CastExpression(new ColumnExpression(2, MONEY), RATE, false), RATE);
        ArithmeticExpression product = new ArithmeticExpression(ArithmeticOperator.MULTIPLY,
                new CastExpression(discounted(), LogicalType.NUMERIC, false),
                new CastExpression(onePlus, LogicalType.NUMERIC, false), LogicalType.NUMERIC);
        ArithmeticExpression plus = new ArithmeticExpression(ArithmeticOperator.ADD, product,
                new ConstantExpression(LogicalType.NUMERIC, new BigDecimal("0.001")), LogicalType.NUMERIC);
        return new ArithmeticExpression(ArithmeticOperator.SUBTRACT, plus,
                new CastExpression(new ColumnExpression(3, LogicalType.INTEGER), LogicalType.NUMERIC, false),
                LogicalType.NUMERIC);
    }

    @Test
    void fusesNumericTreesOnly() {
        assertThat(CompactDecimalArithmetic.fuse(discounted())).isInstanceOf(CompactDecimalArithmetic.class);
        assertThat(CompactDecimalArithmetic.fuse(charged())).isInstanceOf(CompactDecimalArithmetic.class);
        ArithmeticExpression division = new ArithmeticExpression(ArithmeticOperator.DIVIDE,
                new CastExpression(new ColumnExpression(0, MONEY), LogicalType.NUMERIC, false),
                new CastExpression(new ColumnExpression(1, MONEY), LogicalType.NUMERIC, false), LogicalType.NUMERIC);
        assertThat(CompactDecimalArithmetic.fuse(division)).isSameAs(division);
        ArithmeticExpression integers = new ArithmeticExpression(ArithmeticOperator.ADD,
                new ColumnExpression(3, LogicalType.INTEGER), new ColumnExpression(3, LogicalType.INTEGER),
                LogicalType.INTEGER);
        assertThat(CompactDecimalArithmetic.fuse(integers)).isSameAs(integers);
    }

    @Test
    void agreesWithTheTreeOnOrdinaryValues() {
        for (int rows : new int[] {0, 1, 7, 8, 15, 16, 17, 1023, 1024, 1025, 2049}) {
            check(rows, new Random(rows), false, false);
        }
    }

    @Test
    void agreesWithTheTreeNearTheLimits() {
        for (int rows : new int[] {1, 17, 1025}) {
            check(rows, new Random(31 + rows), true, false);
        }
    }

    @Test
    void agreesWithTheTreeOnNaN() {
        for (int rows : new int[] {1, 17, 1025}) {
            check(rows, new Random(57 + rows), false, true);
        }
    }

    private static void check(int rows, Random random, boolean huge, boolean nan) {
        try (BufferAllocator allocator = MemoryRoots.newRoot("fused decimal test", 1L << 30);
             FieldVector price = ValueAccess.allocate(MONEY, "price", allocator, rows);
             FieldVector discount = ValueAccess.allocate(MONEY, "discount", allocator, rows);
             FieldVector tax = ValueAccess.allocate(MONEY, "tax", allocator, rows);
             FieldVector quantity = ValueAccess.allocate(LogicalType.INTEGER, "quantity", allocator, rows);
             EvaluationContext context = new EvaluationContext(allocator)) {
            for (int i = 0; i < rows; i++) {
                ValueAccess.set(price, i, random.nextInt(13) == 0 ? null
                        : huge && i % 5 == 0 ? 999_999_999_999_999L - random.nextInt(3) : (long) random.nextInt(10_000_000));
                ValueAccess.set(discount, i, random.nextInt(17) == 0 ? null : (long) random.nextInt(11));
                ValueAccess.set(tax, i, random.nextInt(19) == 0 ? null
                        : nan && i % 7 == 3 ? NumericSpecial.SCALED_LONG_NAN
                        : huge && i % 3 == 0 ? -999_999_999_999_999L : (long) random.nextInt(9));
                ValueAccess.set(quantity, i, random.nextInt(23) == 0 ? null
                        : (long) (random.nextBoolean() ? random.nextInt(50) : Integer.MIN_VALUE + random.nextInt(3)));
            }
            for (FieldVector vector : List.of(price, discount, tax, quantity)) {
                vector.setValueCount(rows);
            }
            Batch batch = new Batch(List.of(price, discount, tax, quantity), rows);
            if (!nan) {
                for (ArithmeticExpression tree : List.of(discounted(), discountedByScaledOne())) {
                    DecimalVector expected = (DecimalVector) tree.evaluate(batch, context);
                    PhysicalExpression fused = CompactDecimalArithmetic.fuse(tree);
                    assertThat(fused).isInstanceOf(CompactDecimalArithmetic.class);
                    DecimalVector actual = (DecimalVector) fused.evaluate(batch, context);
                    for (int i = 0; i < rows; i++) {
                        assertThat(actual.isNull(i)).as("row %d", i).isEqualTo(expected.isNull(i));
                        if (!expected.isNull(i)) {
                            assertThat(actual.getObject(i)).as("row %d", i).isEqualTo(expected.getObject(i));
                        }
                    }
                    checkUnscaled((CompactDecimalArithmetic) fused, batch, context, expected, huge || nan);
                }
            }
            ArithmeticExpression tree = charged();
            VarBinaryVector expected = (VarBinaryVector) tree.evaluate(batch, context);
            VarBinaryVector actual = (VarBinaryVector) CompactDecimalArithmetic.fuse(tree).evaluate(batch, context);
            for (int i = 0; i < rows; i++) {
                assertThat(actual.isNull(i)).as("row %d", i).isEqualTo(expected.isNull(i));
                if (!expected.isNull(i)) {
                    assertThat(actual.get(i)).as("row %d", i).isEqualTo(expected.get(i));
                }
            }
            checkUnscaled((CompactDecimalArithmetic) CompactDecimalArithmetic.fuse(tree), batch, context, expected,
                    huge || nan);
            context.releaseBatch();
        }
    }

    /**
     * The unscaled longs of {@code fused} at its scale are the tree's values (same scale for unconstrained NUMERIC)
     * and NULLs; only a batch with values near the limits or NaN may decline (null).
     */
    private static void checkUnscaled(CompactDecimalArithmetic fused, Batch batch, EvaluationContext context,
                                      FieldVector expected, boolean mayDecline) {
        int rows = batch.rowCount();
        checkUnscaledAtPositions(fused, batch, context, expected, mayDecline);
        boolean[] nulls = new boolean[rows + 3];
        java.util.Arrays.fill(nulls, true);
        long[] values = fused.evaluateUnscaled(batch, context, nulls);
        if (values == null) {
            assertThat(mayDecline).as("declined an ordinary batch").isTrue();
            return;
        }
        for (int i = 0; i < rows; i++) {
            assertThat(nulls[i]).as("row %d", i).isEqualTo(expected.isNull(i));
            if (!expected.isNull(i)) {
                BigDecimal value = BigDecimal.valueOf(values[i], fused.scale());
                if (expected instanceof VarBinaryVector bytes) {
                    assertThat(value).as("row %d", i).isEqualTo(io.basalt.type.DecimalCodec.decode(bytes.get(i)));
                } else {
                    assertThat(value).as("row %d", i).isEqualTo(((DecimalVector) expected).getObject(i));
                }
            }
        }
    }

    /** {@link CompactDecimalArithmetic#evaluateUnscaledAt} at two rows of every three: the tree's values at those rows. */
    private static void checkUnscaledAtPositions(CompactDecimalArithmetic fused, Batch batch, EvaluationContext context,
                                                 FieldVector expected, boolean mayDecline) {
        assertThat(fused.readsOnlyColumns()).isTrue();
        int rows = batch.rowCount();
        int[] positions = new int[rows];
        int count = 0;
        for (int i = 0; i < rows; i++) {
            if (i % 3 != 1) {
                positions[count++] = i;
            }
        }
        boolean[] nulls = new boolean[count + 3];
        java.util.Arrays.fill(nulls, true);
        long[] values = fused.evaluateUnscaledAt(batch, positions, count, context, nulls);
        if (values == null) {
            assertThat(mayDecline).as("declined an ordinary selection").isTrue();
            return;
        }
        for (int k = 0; k < count; k++) {
            int row = positions[k];
            assertThat(nulls[k]).as("row %d", row).isEqualTo(expected.isNull(row));
            if (!expected.isNull(row)) {
                BigDecimal value = BigDecimal.valueOf(values[k], fused.scale());
                if (expected instanceof VarBinaryVector bytes) {
                    assertThat(value).as("row %d", row).isEqualTo(io.basalt.type.DecimalCodec.decode(bytes.get(row)));
                } else {
                    assertThat(value).as("row %d", row).isEqualTo(((DecimalVector) expected).getObject(row));
                }
            }
        }
    }
}
