package io.basalt.exec.expression;

import static java.util.Objects.requireNonNull;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.kernel.ArrowSegments;
import io.basalt.type.DecimalCodec;
import io.basalt.type.LogicalType;
import io.basalt.type.NumericSpecial;
import io.basalt.type.PhysicalType;
import java.lang.foreign.MemorySegment;
import java.math.BigDecimal;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.VarBinaryVector;

/**
 * A tree of +, - and * over NUMERICs whose result is unconstrained NUMERIC or a 128-bit NUMERIC(p,s), and whose
 * leaves are integers, scaled NUMERIC(p,s) values and small constants, such as TPC-H's
 * {@code l_extendedprice * (1 - l_discount) * (1 + l_tax)} (the binder types the inner product NUMERIC(32,4),
 * the outer one unconstrained NUMERIC, as its precision would exceed 38). Every leaf then has one scale for
 * all rows, so every node has one too (the larger of its operands' for + and -, their sum for *), and the whole
 * tree runs per batch in 64-bit unscaled integers: no 128-bit intermediate vectors, no byte form
 * ({@link DecimalCodec}) between the nodes. Only the root's values are written, as exactly the values the
 * node-by-node evaluation writes (same unscaled value, same scale).
 *
 * <p>A batch in which a value does not fit 64 bits at some node, a cast exceeds its precision, or a leaf is
 * NaN, is evaluated by the original tree instead, which handles every case and raises every error.
 */
public final class CompactDecimalArithmetic implements PhysicalExpression {
    private static final long[] POWERS_OF_TEN = new long[19];
    /** Scales beyond this go node by node (PostgreSQL caps some result scales; stay far below). */
    private static final int MAX_SCALE = 100;

    static {
        long power = 1;
        for (int k = 0; k < POWERS_OF_TEN.length; k++) {
            POWERS_OF_TEN[k] = power;
            power *= 10;
        }
    }

    private final ArithmeticExpression original;
    private final Term root;

    private CompactDecimalArithmetic(ArithmeticExpression original, Term root) {
        this.original = requireNonNull(original, "original is null");
        this.root = requireNonNull(root, "root is null");
    }

    /** {@code arithmetic} itself, or its fused form when its whole tree qualifies (see the class comment). */
    public static PhysicalExpression fuse(ArithmeticExpression arithmetic) {
        PhysicalType physical = arithmetic.type().physical();
        if (!arithmetic.type().isNumeric() || (physical != PhysicalType.BIG_DECIMAL && physical != PhysicalType.INT128)) {
            return arithmetic;
        }
        Term term = term(arithmetic);
        return term instanceof Operation ? new CompactDecimalArithmetic(arithmetic, term) : arithmetic;
    }

    /** The node-by-node tree this expression evaluates in one pass. */
    public ArithmeticExpression original() {
        return original;
    }

    @Override
    public LogicalType type() {
        return original.type();
    }

    @Override
    public String toString() {
        return original.toString();
    }

    // ---- the tree ---------------------------------------------------------------------------------

    private sealed interface Term permits Leaf, Fixed, Operation, Rescale {
        int scale();
    }

    /** An integer or scaled NUMERIC operand, read as unscaled longs of {@code scale}. */
    private record Leaf(PhysicalExpression operand, int scale) implements Term {
    }

    /** A cast to NUMERIC(p,s): the operand times 10^shift, whose magnitude must stay below {@code limit}. */
    private record Rescale(Term operand, int shift, long limit, int scale) implements Term {
    }

    /** A constant unscaled value. */
    private record Fixed(long unscaled, int scale) implements Term {
    }

    private record Operation(ArithmeticOperator operator, Term left, Term right, int scale) implements Term {
    }

    private static Term term(PhysicalExpression expression) {
        Term structural = switch (expression) {
            case CompactDecimalArithmetic fused -> fused.root;
            case ArithmeticExpression arithmetic -> operation(arithmetic);
            case CastExpression cast -> cast(cast);
            case ConstantExpression constant -> constant(constant);
            default -> null;
        };
        return structural != null ? structural : leaf(expression);
    }

    /** + - * of NUMERICs; null for integer arithmetic (its overflow errors are the integer types' own). */
    private static Term operation(ArithmeticExpression arithmetic) {
        LogicalType type = arithmetic.type();
        ArithmeticOperator operator = arithmetic.operator();
        if (!type.isNumeric() || (operator != ArithmeticOperator.ADD && operator != ArithmeticOperator.SUBTRACT
                && operator != ArithmeticOperator.MULTIPLY)) {
            return null;
        }
        Term left = term(arithmetic.left());
        Term right = term(arithmetic.right());
        if (left == null || right == null) {
            return null;
        }
        int scale;
        if (operator == ArithmeticOperator.MULTIPLY) {
            scale = left.scale() + right.scale();
        } else {
            scale = Math.max(left.scale(), right.scale());
            if (scale - left.scale() >= POWERS_OF_TEN.length || scale - right.scale() >= POWERS_OF_TEN.length) {
                return null;
            }
        }
        boolean constrained = type.physical() != PhysicalType.BIG_DECIMAL;
        if (scale > MAX_SCALE || (constrained && scale != type.scale())) {
            return null;
        }
        return new Operation(operator, left, right, scale);
    }

    /**
     * A cast of an integer or NUMERIC term to unconstrained NUMERIC (the value and its scale stay) or to a
     * NUMERIC(p,s) of no smaller scale (the value is rescaled; one beyond p digits goes node by node, which
     * raises the overflow error).
     */
    private static Term cast(CastExpression cast) {
        LogicalType to = cast.type();
        LogicalType from = cast.operand().type();
        if (!to.isNumeric() || !(from.isNumeric() || from.isIntegral())) {
            return null;
        }
        Term operand = term(cast.operand());
        if (operand == null) {
            return null;
        }
        if (to.physical() == PhysicalType.BIG_DECIMAL) {
            return operand;
        }
        int shift = to.scale() - operand.scale();
        if (shift < 0 || shift >= POWERS_OF_TEN.length) {
            return null;
        }
        long limit = to.precision() < POWERS_OF_TEN.length ? POWERS_OF_TEN[to.precision()] : Long.MAX_VALUE;
        return new Rescale(operand, shift, limit, to.scale());
    }

    private static Term constant(ConstantExpression constant) {
        LogicalType type = constant.type();
        if (type.isIntegral() && constant.value() instanceof Long value) {
            return new Fixed(value, 0);
        }
        if (type.isScaledLong() && type.scale() >= 0 && constant.value() instanceof Long unscaled) {
            // a NUMERIC(p,s) constant of 64 bits is held unscaled (what a Leaf over its vector would read);
            // the NaN sentinel goes node by node
            return unscaled == NumericSpecial.SCALED_LONG_NAN ? null : new Fixed(unscaled, type.scale());
        }
        if (!type.isNumeric() || !(constant.value() instanceof BigDecimal value) || value instanceof NumericSpecial
                || value.scale() < 0 || value.scale() > MAX_SCALE || value.unscaledValue().bitLength() > 63) {
            return null;
        }
        if (type.physical() != PhysicalType.BIG_DECIMAL && value.scale() != type.scale()) {
            return null;
        }
        return new Fixed(value.unscaledValue().longValueExact(), value.scale());
    }

    /** Any other expression of an integer or scaled NUMERIC type: evaluated as it is, read as longs. */
    private static Term leaf(PhysicalExpression expression) {
        LogicalType type = expression.type();
        if (type.isIntegral()) {
            return new Leaf(expression, 0);
        }
        if ((type.isScaledLong() || type.isScaledWide()) && type.scale() >= 0) {
            return new Leaf(expression, type.scale());
        }
        return null;
    }

    // ---- evaluation -------------------------------------------------------------------------------

    /** Per-evaluation scratch: which rows are NULL, and whether the batch must go node by node. */
    private static final class Pass {
        final boolean[] nulls;
        boolean fallBack;

        Pass(int rows) {
            nulls = new boolean[rows];
        }

        Pass(boolean[] nulls) {
            this.nulls = nulls;
        }
    }

    /**
     * Whether every leaf of the tree is a column or a constant: evaluating such a tree over rows a filter dropped
     * cannot raise an error ({@link #evaluateUnscaled} declines a batch instead of failing), so a caller may run it
     * over all of a selective batch's rows and keep the selected ones.
     */
    public boolean readsOnlyColumns() {
        return readsOnlyColumns(root);
    }

    private static boolean readsOnlyColumns(Term term) {
        return switch (term) {
            case Fixed fixed -> true;
            case Leaf leaf -> leaf.operand() instanceof ColumnExpression;
            case Rescale rescale -> readsOnlyColumns(rescale.operand());
            case Operation operation -> readsOnlyColumns(operation.left()) && readsOnlyColumns(operation.right());
        };
    }

    /** The scale of the values {@link #evaluateUnscaled} returns (the root's; the result type's when constrained). */
    public int scale() {
        return root.scale();
    }

    /**
     * The tree's value for every row of {@code batch} as unscaled longs of {@link #scale()} (0 in NULL rows, which
     * this sets in {@code nulls}, an array of at least the batch's rows that this clears first), or null when some
     * row of the batch needs the node-by-node path (a value beyond 64 bits, a NaN, a cast beyond its precision):
     * the caller then evaluates the batch with {@link #evaluate}, which raises whatever error that path raises.
     * What the whole tree would write is exactly {@code BigDecimal.valueOf(values[i], scale())}.
     */
    public long[] evaluateUnscaled(Batch batch, EvaluationContext context, boolean[] nulls) {
        int rows = batch.rowCount();
        java.util.Arrays.fill(nulls, 0, rows, false);
        Pass pass = new Pass(nulls);
        long[] values = compute(root, batch, context, pass, rows);
        return pass.fallBack ? null : values;
    }

    /**
     * {@link #evaluateUnscaled} for the rows {@code positions[0..rows)} of {@code batch} only (a filter's selection
     * handed on), value k for row {@code positions[k]}: the same values as for those rows gathered into a dense batch.
     * Only for a tree that {@link #readsOnlyColumns}; null sends the rows to the node-by-node path, as there.
     */
    public long[] evaluateUnscaledAt(Batch batch, int[] positions, int rows, EvaluationContext context, boolean[] nulls) {
        if (!readsOnlyColumns()) {
            throw new IllegalStateException("evaluateUnscaledAt needs a tree of columns and constants: " + this);
        }
        java.util.Arrays.fill(nulls, 0, rows, false);
        Pass pass = new Pass(nulls);
        long[] values = compute(root, batch, context, pass, rows, positions);
        return pass.fallBack ? null : values;
    }

    @Override
    public FieldVector evaluate(Batch batch, EvaluationContext context) {
        int rows = batch.rowCount();
        Pass pass = new Pass(rows);
        long[] values = compute(root, batch, context, pass, rows);
        if (pass.fallBack) {
            return original.evaluate(batch, context);
        }
        FieldVector out = context.newVector(original.type(), rows);
        if (out instanceof DecimalVector wide) {
            writeWide(values, pass.nulls, wide, rows);
        } else {
            write(values, pass.nulls, root.scale(), (VarBinaryVector) out, rows);
        }
        return out;
    }

    /** The unscaled values of {@code term} for every row (0 in NULL rows, which {@code pass.nulls} marks). */
    private static long[] compute(Term term, Batch batch, EvaluationContext context, Pass pass, int rows) {
        return compute(term, batch, context, pass, rows, null);
    }

    /**
     * The unscaled values of {@code term} for rows {@code positions[0..rows)} of {@code batch}, or for its first
     * {@code rows} rows when {@code positions} is null (0 in NULL rows, which {@code pass.nulls} marks).
     */
    private static long[] compute(Term term, Batch batch, EvaluationContext context, Pass pass, int rows,
                                  int[] positions) {
        return switch (term) {
            case Fixed fixed -> {
                long[] values = new long[rows];
                java.util.Arrays.fill(values, fixed.unscaled());
                yield values;
            }
            case Leaf leaf -> positions == null ? read(leaf.operand().evaluate(batch, context), pass, rows)
                    : readAt(batch.column(((ColumnExpression) leaf.operand()).index()), positions, pass, rows);
            case Rescale rescale -> {
                long[] values = compute(rescale.operand(), batch, context, pass, rows, positions);
                pass.fallBack |= rescale(values, rescale.shift(), rows);
                long limit = rescale.limit();
                boolean beyond = false;
                for (int i = 0; i < rows; i++) {
                    beyond |= values[i] >= limit || values[i] <= -limit;
                }
                pass.fallBack |= beyond;
                yield values;
            }
            case Operation operation when operation.left() instanceof Fixed fixed
                    && !(operation.right() instanceof Fixed) -> {
                long[] right = compute(operation.right(), batch, context, pass, rows, positions);
                yield pass.fallBack ? right : withConstant(operation, fixed, true, right, pass, rows);
            }
            case Operation operation when operation.right() instanceof Fixed fixed
                    && !(operation.left() instanceof Fixed) -> {
                long[] left = compute(operation.left(), batch, context, pass, rows, positions);
                yield pass.fallBack ? left : withConstant(operation, fixed, false, left, pass, rows);
            }
            case Operation operation -> {
                long[] left = compute(operation.left(), batch, context, pass, rows, positions);
                if (pass.fallBack) {
                    yield left;
                }
                long[] right = compute(operation.right(), batch, context, pass, rows, positions);
                if (pass.fallBack) {
                    yield left;
                }
                yield operation.operator() == ArithmeticOperator.MULTIPLY
                        ? multiply(left, right, pass, rows)
                        : addOrSubtract(operation, left, right, pass, rows);
            }
        };
    }

    /**
     * {@link #read} of rows {@code positions[0..rows)} of a BIGINT/INTEGER-backed column (integers, scaled
     * NUMERICs, dates); any other vector sends the batch to the caller's fallback.
     */
    private static long[] readAt(FieldVector vector, int[] positions, Pass pass, int rows) {
        long[] values = new long[rows];
        switch (vector) {
            case BigIntVector v -> {
                MemorySegment data = ArrowSegments.values(v);
                boolean nan = false;
                for (int i = 0; i < rows; i++) {
                    long value = data.getAtIndex(ArrowSegments.LONG, positions[i]);
                    nan |= value == NumericSpecial.SCALED_LONG_NAN;
                    values[i] = value;
                }
                if (nan && LogicalType.of(v.getField()).isNumeric()) {
                    for (int i = 0; i < rows; i++) {
                        if (values[i] == NumericSpecial.SCALED_LONG_NAN && !v.isNull(positions[i])) {
                            pass.fallBack = true;
                        }
                    }
                }
            }
            case IntVector v -> {
                MemorySegment data = ArrowSegments.values(v);
                for (int i = 0; i < rows; i++) {
                    values[i] = data.getAtIndex(ArrowSegments.INT, positions[i]);
                }
            }
            default -> {
                pass.fallBack = true;
                return values;
            }
        }
        if (vector.getNullCount() > 0) {
            for (int i = 0; i < rows; i++) {
                if (vector.isNull(positions[i])) {
                    pass.nulls[i] = true;
                    values[i] = 0;
                }
            }
        }
        return values;
    }

    private static long[] read(FieldVector vector, Pass pass, int rows) {
        long[] values = new long[rows];
        boolean[] nulls = pass.nulls;
        switch (vector) {
            case BigIntVector v -> {
                MemorySegment data = ArrowSegments.values(v);
                for (int i = 0; i < rows; i++) {
                    values[i] = data.get(ArrowSegments.LONG, (long) i << 3);
                }
                if (LogicalType.of(v.getField()).isNumeric()) {
                    boolean nan = false;
                    for (int i = 0; i < rows; i++) {
                        nan |= values[i] == NumericSpecial.SCALED_LONG_NAN;
                    }
                    if (nan) {
                        // NaN in a non-NULL row: the node-by-node path knows NaN's arithmetic
                        for (int i = 0; i < rows; i++) {
                            if (values[i] == NumericSpecial.SCALED_LONG_NAN && !v.isNull(i)) {
                                pass.fallBack = true;
                            }
                        }
                    }
                }
            }
            case IntVector v -> {
                MemorySegment data = ArrowSegments.values(v);
                for (int i = 0; i < rows; i++) {
                    values[i] = data.get(ArrowSegments.INT, (long) i << 2);
                }
            }
            case SmallIntVector v -> {
                for (int i = 0; i < rows; i++) {
                    values[i] = v.isNull(i) ? 0 : v.get(i);
                }
            }
            case DecimalVector v -> {
                MemorySegment data = ArrowSegments.values(v);
                boolean wide = false;
                for (int i = 0; i < rows; i++) {
                    long low = data.get(ArrowSegments.LONG, (long) i << 4);
                    long high = data.get(ArrowSegments.LONG, ((long) i << 4) + 8);
                    wide |= high != (low >> 63) && !v.isNull(i);
                    values[i] = low;
                }
                pass.fallBack |= wide;
            }
            default -> {
                pass.fallBack = true;
                return values;
            }
        }
        if (vector.getNullCount() > 0) {
            for (int i = 0; i < rows; i++) {
                if (vector.isNull(i)) {
                    nulls[i] = true;
                    values[i] = 0;
                }
            }
        }
        return values;
    }

    /**
     * {@code operation} with one operand a constant ({@code constantLeft}: the left one, as in {@code 1 - l_discount})
     * and the other's values in {@code values}, computed in place: the same values and overflow checks as
     * {@link #multiply} / {@link #addOrSubtract} over an array filled with the constant, without filling one per batch.
     */
    private static long[] withConstant(Operation operation, Fixed fixed, boolean constantLeft, long[] values, Pass pass,
                                       int rows) {
        long c = fixed.unscaled();
        boolean overflow = false;
        if (operation.operator() == ArithmeticOperator.MULTIPLY) {
            for (int i = 0; i < rows; i++) {
                long a = values[i];
                long product = a * c;
                overflow |= Math.multiplyHigh(a, c) != (product >> 63);
                values[i] = product;
            }
            pass.fallBack |= overflow;
            return values;
        }
        Term variable = constantLeft ? operation.right() : operation.left();
        int constantShift = operation.scale() - fixed.scale();
        if (constantShift != 0) {
            long factor = POWERS_OF_TEN[constantShift];
            long scaled = c * factor;
            if (Math.multiplyHigh(c, factor) != (scaled >> 63)) {
                pass.fallBack = true;
                return values;
            }
            c = scaled;
        }
        overflow = rescale(values, operation.scale() - variable.scale(), rows);
        if (operation.operator() == ArithmeticOperator.ADD) {
            for (int i = 0; i < rows; i++) {
                long x = values[i];
                long sum = x + c;
                overflow |= ((x ^ sum) & (c ^ sum)) < 0;
                values[i] = sum;
            }
        } else if (constantLeft) {
            for (int i = 0; i < rows; i++) {
                long y = values[i];
                long difference = c - y;
                overflow |= ((c ^ y) & (c ^ difference)) < 0;
                values[i] = difference;
            }
        } else {
            for (int i = 0; i < rows; i++) {
                long x = values[i];
                long difference = x - c;
                overflow |= ((x ^ c) & (x ^ difference)) < 0;
                values[i] = difference;
            }
        }
        pass.fallBack |= overflow;
        return values;
    }

    private static long[] multiply(long[] left, long[] right, Pass pass, int rows) {
        boolean overflow = false;
        for (int i = 0; i < rows; i++) {
            long a = left[i];
            long b = right[i];
            long product = a * b;
            overflow |= Math.multiplyHigh(a, b) != (product >> 63);
            left[i] = product;
        }
        pass.fallBack |= overflow;
        return left;
    }

    private static long[] addOrSubtract(Operation operation, long[] left, long[] right, Pass pass, int rows) {
        boolean overflow = rescale(left, operation.scale() - operation.left().scale(), rows)
                | rescale(right, operation.scale() - operation.right().scale(), rows);
        if (operation.operator() == ArithmeticOperator.ADD) {
            for (int i = 0; i < rows; i++) {
                long x = left[i];
                long y = right[i];
                long sum = x + y;
                overflow |= ((x ^ sum) & (y ^ sum)) < 0;
                left[i] = sum;
            }
        } else {
            for (int i = 0; i < rows; i++) {
                long x = left[i];
                long y = right[i];
                long difference = x - y;
                overflow |= ((x ^ y) & (x ^ difference)) < 0;
                left[i] = difference;
            }
        }
        pass.fallBack |= overflow;
        return left;
    }

    /** Multiplies every value by 10^shift in place; true when one no longer fits 64 bits. */
    private static boolean rescale(long[] values, int shift, int rows) {
        if (shift == 0) {
            return false;
        }
        long factor = POWERS_OF_TEN[shift];
        boolean overflow = false;
        for (int i = 0; i < rows; i++) {
            long a = values[i];
            long product = a * factor;
            overflow |= Math.multiplyHigh(a, factor) != (product >> 63);
            values[i] = product;
        }
        return overflow;
    }

    /** Writes each value sign-extended to 128 bits (the root's type has the root's scale). */
    private static void writeWide(long[] values, boolean[] nulls, DecimalVector out, int rows) {
        ArrowBuf data = out.getDataBuffer();
        ArrowBuf validity = out.getValidityBuffer();
        for (int i = 0; i < rows; i++) {
            if (nulls[i]) {
                BitVectorHelper.unsetBit(validity, i);
            } else {
                data.setLong((long) i << 4, values[i]);
                data.setLong(((long) i << 4) + 8, values[i] >> 63);
                BitVectorHelper.setBit(validity, i);
            }
        }
        out.setValueCount(rows);
    }

    /** Writes the byte form of each value of {@code scale} (NULL where marked) straight into the buffers. */
    private static void write(long[] values, boolean[] nulls, int scale, VarBinaryVector out, int rows) {
        long needed = (long) rows * 10;
        while (out.getDataBuffer().capacity() < needed) {
            out.reallocDataBuffer();
        }
        ArrowBuf data = out.getDataBuffer();
        ArrowBuf offsets = out.getOffsetBuffer();
        ArrowBuf validity = out.getValidityBuffer();
        byte scaleHigh = (byte) (scale >>> 8);
        byte scaleLow = (byte) scale;
        int offset = 0;
        offsets.setInt(0, 0);
        for (int i = 0; i < rows; i++) {
            if (nulls[i]) {
                BitVectorHelper.unsetBit(validity, i);
            } else {
                BitVectorHelper.setBit(validity, i);
                long unscaled = values[i];
                int bitLength = 64 - Long.numberOfLeadingZeros(unscaled ^ (unscaled >> 63));
                int length = bitLength / 8 + 1;
                data.setByte(offset, scaleHigh);
                data.setByte(offset + 1, scaleLow);
                for (int k = 0; k < length; k++) {
                    data.setByte(offset + 1 + length - k, (byte) (unscaled >>> (8 * k)));
                }
                offset += length + 2;
            }
            offsets.setInt((long) (i + 1) * 4, offset);
        }
        out.setLastSet(rows - 1);
        out.setValueCount(rows);
    }
}
