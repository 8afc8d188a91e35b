package io.basalt.exec.expression;

import static java.util.Objects.requireNonNull;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.batch.Batch;
import io.basalt.type.DecimalCodec;
import io.basalt.type.LogicalType;
import io.basalt.type.NumericSpecial;
import java.math.BigDecimal;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.VarBinaryVector;

/**
 * {@code left op right} where the binder has already brought both operands to the physical type of the
 * result (for scaled NUMERIC addition, subtraction and modulo: the same scale; for multiplication the
 * result scale is the sum of the operands' scales). Overflow and division by zero raise PostgreSQL's
 * errors; NULL in either operand gives NULL without evaluating the operation.
 */
public record ArithmeticExpression(ArithmeticOperator operator, PhysicalExpression left, PhysicalExpression right,
                                   LogicalType type) implements PhysicalExpression {
    public ArithmeticExpression {
        requireNonNull(operator, "operator is null");
        requireNonNull(left, "left is null");
        requireNonNull(right, "right is null");
        requireNonNull(type, "type is null");
    }

    @Override
    public FieldVector evaluate(Batch batch, EvaluationContext context) {
        FieldVector l = left.evaluate(batch, context);
        FieldVector r = right.evaluate(batch, context);
        int rows = batch.rowCount();
        FieldVector out = context.newVector(type, rows);
        switch (type.physical()) {
            case INT16 -> shorts((SmallIntVector) l, (SmallIntVector) r, (SmallIntVector) out, rows);
            case INT32 -> ints((IntVector) l, (IntVector) r, (IntVector) out, rows);
            case INT64 -> longs((BigIntVector) l, (BigIntVector) r, (BigIntVector) out, rows);
            case FLOAT64 -> doubles((Float8Vector) l, (Float8Vector) r, (Float8Vector) out, rows);
            case BIG_DECIMAL -> decimals((VarBinaryVector) l, (VarBinaryVector) r, (VarBinaryVector) out, rows);
            case INT128 -> WideDecimalArithmetic.apply(operator, l, r, (org.apache.arrow.vector.DecimalVector) out, rows);
            default -> throw BasaltException.internal("arithmetic on " + type);
        }
        out.setValueCount(rows);
        return out;
    }

    private void shorts(SmallIntVector l, SmallIntVector r, SmallIntVector out, int rows) {
        for (int i = 0; i < rows; i++) {
            if (l.isNull(i) || r.isNull(i)) {
                out.setNull(i);
                continue;
            }
            int result = intOp(l.get(i), r.get(i));
            if (result != (short) result) {
                throw BasaltException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "smallint out of range");
            }
            out.set(i, result);
        }
    }

    private void ints(IntVector l, IntVector r, IntVector out, int rows) {
        for (int i = 0; i < rows; i++) {
            if (l.isNull(i) || r.isNull(i)) {
                out.setNull(i);
                continue;
            }
            long result = longOp(l.get(i), r.get(i), "integer");
            if (result != (int) result) {
                throw BasaltException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "integer out of range");
            }
            out.set(i, (int) result);
        }
    }

    private void longs(BigIntVector l, BigIntVector r, BigIntVector out, int rows) {
        if (type.isScaledLong()) {
            scaledLongs(l, r, out, rows);
            return;
        }
        for (int i = 0; i < rows; i++) {
            if (l.isNull(i) || r.isNull(i)) {
                out.setNull(i);
                continue;
            }
            out.set(i, longOp(l.get(i), r.get(i), "bigint"));
        }
    }

    /** Scaled 64-bit NUMERICs: as bigints, except that NaN (its sentinel) in either operand gives NaN. */
    private void scaledLongs(BigIntVector l, BigIntVector r, BigIntVector out, int rows) {
        for (int i = 0; i < rows; i++) {
            if (l.isNull(i) || r.isNull(i)) {
                out.setNull(i);
                continue;
            }
            long a = l.get(i);
            long b = r.get(i);
            if (a == NumericSpecial.SCALED_LONG_NAN || b == NumericSpecial.SCALED_LONG_NAN) {
                out.set(i, NumericSpecial.SCALED_LONG_NAN);
            } else {
                out.set(i, longOp(a, b, "numeric"));
            }
        }
    }

    private int intOp(int a, int b) {
        return switch (operator) {
            case ADD -> a + b;
            case SUBTRACT -> a - b;
            case MULTIPLY -> a * b;
            case DIVIDE -> {
                if (b == 0) {
                    throw divisionByZero();
                }
                yield a / b;
            }
            case MODULO -> {
                if (b == 0) {
                    throw divisionByZero();
                }
                yield a % b;
            }
        };
    }

    private long longOp(long a, long b, String typeName) {
        try {
            return switch (operator) {
                case ADD -> Math.addExact(a, b);
                case SUBTRACT -> Math.subtractExact(a, b);
                case MULTIPLY -> Math.multiplyExact(a, b);
                case DIVIDE -> {
                    if (b == 0) {
                        throw divisionByZero();
                    }
                    yield Math.divideExact(a, b);
                }
                case MODULO -> {
                    if (b == 0) {
                        throw divisionByZero();
                    }
                    yield b == -1 ? 0 : a % b;
                }
            };
        } catch (ArithmeticException overflow) {
            throw BasaltException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, typeName + " out of range");
        }
    }

    private void doubles(Float8Vector l, Float8Vector r, Float8Vector out, int rows) {
        // REAL is carried in doubles; each result is rounded to float precision as float4 arithmetic would be.
        boolean real = type.id() == io.basalt.type.TypeId.REAL;
        for (int i = 0; i < rows; i++) {
            if (l.isNull(i) || r.isNull(i)) {
                out.setNull(i);
                continue;
            }
            double a = l.get(i);
            double b = r.get(i);
            double result = switch (operator) {
                case ADD -> a + b;
                case SUBTRACT -> a - b;
                case MULTIPLY -> a * b;
                case DIVIDE -> {
                    if (b == 0.0 && !Double.isNaN(a)) {
                        throw divisionByZero();
                    }
                    yield a / b;
                }
                case MODULO -> throw BasaltException.internal("no modulo on double precision");
            };
            if (real) {
                result = (float) result;
            }
            if (Double.isInfinite(result) && !Double.isInfinite(a) && !Double.isInfinite(b)) {
                throw BasaltException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: overflow");
            }
            boolean underflow = switch (operator) {
                case MULTIPLY -> result == 0.0 && a != 0.0 && b != 0.0;
                case DIVIDE -> result == 0.0 && a != 0.0 && !Double.isInfinite(b);
                default -> false;
            };
            if (underflow) {
                throw BasaltException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: underflow");
            }
            out.set(i, result);
        }
    }

    private void decimals(VarBinaryVector l, VarBinaryVector r, VarBinaryVector out, int rows) {
        byte[] scratch = new byte[10];
        for (int i = 0; i < rows; i++) {
            if (l.isNull(i) || r.isNull(i)) {
                out.setNull(i);
                continue;
            }
            if (CompactDecimals.apply(operator, l, r, i, out, scratch)) {
                continue;
            }
            BigDecimal a = DecimalCodec.decode(l.get(i));
            BigDecimal b = DecimalCodec.decode(r.get(i));
            BigDecimal result = switch (operator) {
                case ADD -> NumericMath.add(a, b);
                case SUBTRACT -> NumericMath.subtract(a, b);
                case MULTIPLY -> NumericMath.multiply(a, b);
                case DIVIDE -> NumericMath.divide(a, b);
                case MODULO -> NumericMath.modulo(a, b);
            };
            out.setSafe(i, DecimalCodec.encode(result));
        }
    }

    private static BasaltException divisionByZero() {
        return BasaltException.of(SqlState.DIVISION_BY_ZERO, "division by zero");
    }

    @Override
    public String toString() {
        return "(" + left + " " + operator.symbol() + " " + right + ")";
    }
}
