package io.basalt.exec.expression;

import static java.util.Objects.requireNonNull;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.kernel.CompareOp;
import io.basalt.exec.kernel.ComparisonOutcomes;
import io.basalt.exec.vector.ValueComparison;
import io.basalt.type.LogicalType;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.VarBinaryVector;

/**
 * {@code left op right} over operands of one type (the binder inserts the casts); NULL when either side
 * is NULL. Filters recognise the column-versus-constant shape and use the SIMD kernels instead of this.
 */
public record ComparisonExpression(CompareOp operator, PhysicalExpression left, PhysicalExpression right)
        implements PhysicalExpression {
    public ComparisonExpression {
        requireNonNull(operator, "operator is null");
        requireNonNull(left, "left is null");
        requireNonNull(right, "right is null");
    }

    @Override
    public LogicalType type() {
        return LogicalType.BOOLEAN;
    }

    @Override
    public FieldVector evaluate(Batch batch, EvaluationContext context) {
        FieldVector l = left.evaluate(batch, context);
        FieldVector r = right.evaluate(batch, context);
        int rows = batch.rowCount();
        BitVector out = (BitVector) context.newVector(LogicalType.BOOLEAN, rows);
        // The operator becomes a mask of accepted outcomes once per batch, and each type has its own loop in its own
        // method: no row dispatches on the operator (a switch per row trapped in C2 as each query brought another
        // operator), and a new operand type does not invalidate the loops compiled for the others.
        int accepted = ComparisonOutcomes.accepted(operator);
        switch (l) {
            case BigIntVector a -> compareLongs(a, (BigIntVector) r, rows, accepted, out);
            case IntVector a -> compareInts(a, (IntVector) r, rows, accepted, out);
            case DateDayVector a -> compareDates(a, (DateDayVector) r, rows, accepted, out);
            case Float8Vector a -> compareDoubles(a, (Float8Vector) r, rows, accepted, out);
            case VarBinaryVector a when ValueComparison.holdsEncodedDecimals(a) ->
                    compareEncodedDecimals(a, (VarBinaryVector) r, rows, accepted, out);
            default -> compareValues(l, r, rows, accepted, out);
        }
        out.setValueCount(rows);
        return out;
    }

    /** Whether a three-way comparison result (negative, zero, positive) is among the {@code accepted} outcomes. */
    private static int holds(int accepted, int comparison) {
        return (accepted >>> (Integer.signum(comparison) + 1)) & 1;
    }

    private static void compareLongs(BigIntVector a, BigIntVector b, int rows, int accepted, BitVector out) {
        for (int i = 0; i < rows; i++) {
            if (!a.isNull(i) && !b.isNull(i)) {
                out.set(i, (accepted >>> ComparisonOutcomes.of(a.get(i), b.get(i))) & 1);
            }
        }
    }

    private static void compareInts(IntVector a, IntVector b, int rows, int accepted, BitVector out) {
        for (int i = 0; i < rows; i++) {
            if (!a.isNull(i) && !b.isNull(i)) {
                out.set(i, (accepted >>> ComparisonOutcomes.of(a.get(i), b.get(i))) & 1);
            }
        }
    }

    private static void compareDates(DateDayVector a, DateDayVector b, int rows, int accepted, BitVector out) {
        for (int i = 0; i < rows; i++) {
            if (!a.isNull(i) && !b.isNull(i)) {
                out.set(i, (accepted >>> ComparisonOutcomes.of(a.get(i), b.get(i))) & 1);
            }
        }
    }

    /** PostgreSQL's float8 order: NaN equals NaN and sorts above every other value; -0 equals 0. */
    private static void compareDoubles(Float8Vector a, Float8Vector b, int rows, int accepted, BitVector out) {
        for (int i = 0; i < rows; i++) {
            if (!a.isNull(i) && !b.isNull(i)) {
                out.set(i, (accepted >>> ComparisonOutcomes.of(a.get(i), b.get(i))) & 1);
            }
        }
    }

    /**
     * NUMERIC beyond 64 bits: values whose unscaled parts fit 64 bits compare without a BigDecimal (TPC-H Q11's
     * {@code sum > sum(...) OVER () * 0.0001} per group).
     */
    private static void compareEncodedDecimals(VarBinaryVector a, VarBinaryVector b, int rows, int accepted,
                                               BitVector out) {
        for (int i = 0; i < rows; i++) {
            if (!a.isNull(i) && !b.isNull(i)) {
                out.set(i, holds(accepted, ValueComparison.compareEncodedDecimals(a, i, b, i)));
            }
        }
    }

    private static void compareValues(FieldVector a, FieldVector b, int rows, int accepted, BitVector out) {
        for (int i = 0; i < rows; i++) {
            if (!a.isNull(i) && !b.isNull(i)) {
                out.set(i, holds(accepted, ValueComparison.compare(a, i, b, i)));
            }
        }
    }

    @Override
    public String toString() {
        return "(" + left + " " + operator.symbol() + " " + right + ")";
    }
}
