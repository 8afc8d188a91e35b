package io.basalt.exec.expression;

import static java.util.Objects.requireNonNull;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.batch.Batch;
import io.basalt.type.DecimalCodec;
import io.basalt.type.LogicalType;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.VarBinaryVector;

/** Unary minus, with PostgreSQL's overflow error for the most negative integer. */
public record NegateExpression(PhysicalExpression operand) implements PhysicalExpression {
    public NegateExpression {
        requireNonNull(operand, "operand is null");
    }

    @Override
    public LogicalType type() {
        return operand.type();
    }

    @Override
    public FieldVector evaluate(Batch batch, EvaluationContext context) {
        FieldVector in = operand.evaluate(batch, context);
        int rows = batch.rowCount();
        FieldVector out = context.newVector(type(), rows);
        for (int i = 0; i < rows; i++) {
            if (in.isNull(i)) {
                continue;
            }
            switch (out) {
                case SmallIntVector o -> {
                    short v = ((SmallIntVector) in).get(i);
                    if (v == Short.MIN_VALUE) {
                        throw outOfRange("smallint");
                    }
                    o.set(i, -v);
                }
                case IntVector o -> {
                    int v = ((IntVector) in).get(i);
                    if (v == Integer.MIN_VALUE) {
                        throw outOfRange("integer");
                    }
                    o.set(i, -v);
                }
                case BigIntVector o -> {
                    long v = ((BigIntVector) in).get(i);
                    if (v == Long.MIN_VALUE) {
                        throw outOfRange(type().isScaledLong() ? "numeric" : "bigint");
                    }
                    boolean nan = v == io.basalt.type.NumericSpecial.SCALED_LONG_NAN && type().isScaledLong();
                    o.set(i, nan ? v : -v);
                }
                case Float8Vector o -> o.set(i, -((Float8Vector) in).get(i));
                case org.apache.arrow.vector.DecimalVector o ->
                        io.basalt.exec.vector.WideDecimalValues.set(o, i,
                                io.basalt.exec.vector.WideDecimalValues.get((org.apache.arrow.vector.DecimalVector) in, i).negate());
                case org.apache.arrow.vector.FixedSizeBinaryVector o -> o.setSafe(i, negated(io.basalt.type.Interval.fromBytes(
                        ((org.apache.arrow.vector.FixedSizeBinaryVector) in).get(i))).toBytes());
                case VarBinaryVector o -> o.setSafe(i,
                        DecimalCodec.encode(DecimalCodec.decode(((VarBinaryVector) in).get(i)).negate()));
                default -> throw BasaltException.internal("negation of " + type());
            }
        }
        out.setValueCount(rows);
        return out;
    }

    /** {@code -interval}; a field at its minimum, or a finite result that would read as infinity, overflows. */
    private static io.basalt.type.Interval negated(io.basalt.type.Interval value) {
        try {
            io.basalt.type.Interval result = value.negate();
            if (value.isFinite() && !result.isFinite()) {
                throw new ArithmeticException("interval out of range");
            }
            return result;
        } catch (ArithmeticException overflow) {
            throw BasaltException.of(SqlState.DATETIME_FIELD_OVERFLOW, "interval out of range");
        }
    }

    private static BasaltException outOfRange(String typeName) {
        return BasaltException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, typeName + " out of range");
    }

    @Override
    public String toString() {
        return "(-" + operand + ")";
    }
}
