package io.basalt.exec.function.scalar;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.type.DecimalCodec;
import io.basalt.type.LogicalType;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.VarBinaryVector;

/** {@code abs(x)} for every numeric type, with the overflow error for the most negative integer. */
final class AbsFunction implements ScalarFunction {
    @Override
    public String name() {
        return "abs";
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        FieldVector in = arguments[0];
        FieldVector out = context.newVector(resultType, rows);
        for (int i = 0; i < rows; i++) {
            if (in.isNull(i)) {
                continue;
            }
            switch (out) {
                case SmallIntVector o -> {
                    short v = ((SmallIntVector) in).get(i);
                    if (v == Short.MIN_VALUE) {
                        throw BasaltException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "smallint out of range");
                    }
                    o.set(i, Math.abs(v));
                }
                case IntVector o -> {
                    int v = ((IntVector) in).get(i);
                    if (v == Integer.MIN_VALUE) {
                        throw BasaltException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "integer out of range");
                    }
                    o.set(i, Math.abs(v));
                }
                case BigIntVector o -> {
                    long v = ((BigIntVector) in).get(i);
                    if (v == Long.MIN_VALUE) {
                        throw BasaltException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "bigint out of range");
                    }
                    o.set(i, Math.abs(v));
                }
                case Float8Vector o -> o.set(i, Math.abs(((Float8Vector) in).get(i)));
                case org.apache.arrow.vector.DecimalVector o ->
                        io.basalt.exec.vector.WideDecimalValues.set(o, i,
                                io.basalt.exec.vector.WideDecimalValues.get((org.apache.arrow.vector.DecimalVector) in, i).abs());
                case VarBinaryVector o -> o.setSafe(i,
                        DecimalCodec.encode(DecimalCodec.decode(((VarBinaryVector) in).get(i)).abs()));
                default -> throw BasaltException.internal("abs into " + out.getClass().getSimpleName());
            }
        }
        return out;
    }

    /** Value equality: two calls of the same function with the same settings are the same expression. */
    @Override
    public boolean equals(Object other) {
        return other instanceof AbsFunction that && true;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(getClass());
    }
}
