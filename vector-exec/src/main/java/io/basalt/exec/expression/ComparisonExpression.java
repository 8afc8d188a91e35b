package io.basalt.exec.expression;

import static java.util.Objects.requireNonNull;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.kernel.CompareOp;
import io.basalt.exec.vector.ValueComparison;
import io.basalt.type.LogicalType;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.DateDayVector;

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
        // Specialised loops for the common fixed-width types; the generic comparison for the rest.
        switch (l) {
            case BigIntVector a -> {
                BigIntVector b = (BigIntVector) r;
                for (int i = 0; i < rows; i++) {
                    if (!a.isNull(i) && !b.isNull(i)) {
                        out.set(i, operator.test(Long.compare(a.get(i), b.get(i))) ? 1 : 0);
                    }
                }
            }
            case IntVector a -> {
                IntVector b = (IntVector) r;
                for (int i = 0; i < rows; i++) {
                    if (!a.isNull(i) && !b.isNull(i)) {
                        out.set(i, operator.test(Integer.compare(a.get(i), b.get(i))) ? 1 : 0);
                    }
                }
            }
            case DateDayVector a -> {
                DateDayVector b = (DateDayVector) r;
                for (int i = 0; i < rows; i++) {
                    if (!a.isNull(i) && !b.isNull(i)) {
                        out.set(i, operator.test(Integer.compare(a.get(i), b.get(i))) ? 1 : 0);
                    }
                }
            }
            case Float8Vector a -> {
                Float8Vector b = (Float8Vector) r;
                for (int i = 0; i < rows; i++) {
                    if (!a.isNull(i) && !b.isNull(i)) {
                        out.set(i, operator.test(ValueComparison.compareDoubles(a.get(i), b.get(i))) ? 1 : 0);
                    }
                }
            }
            case org.apache.arrow.vector.VarBinaryVector a when ValueComparison.holdsEncodedDecimals(a) -> {
                // NUMERIC beyond 64 bits: the vector's kind is checked once, and values whose unscaled parts fit
                // 64 bits compare without a BigDecimal (TPC-H Q11's sum > sum(...) OVER () * 0.0001 per group).
                org.apache.arrow.vector.VarBinaryVector b = (org.apache.arrow.vector.VarBinaryVector) r;
                for (int i = 0; i < rows; i++) {
                    if (!a.isNull(i) && !b.isNull(i)) {
                        out.set(i, operator.test(ValueComparison.compareEncodedDecimals(a, i, b, i)) ? 1 : 0);
                    }
                }
            }
            default -> {
                for (int i = 0; i < rows; i++) {
                    if (!l.isNull(i) && !r.isNull(i)) {
                        out.set(i, operator.test(ValueComparison.compare(l, i, r, i)) ? 1 : 0);
                    }
                }
            }
        }
        out.setValueCount(rows);
        return out;
    }

    @Override
    public String toString() {
        return "(" + left + " " + operator.symbol() + " " + right + ")";
    }
}
