package io.basalt.exec.function.scalar;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.type.DecimalCodec;
import io.basalt.type.LogicalType;
import io.basalt.type.NumberText;
import io.basalt.type.NumericSpecial;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarBinaryVector;

/**
 * {@code gcd(a, b)} and {@code lcm(a, b)} over integer, bigint and numeric, as PostgreSQL defines them: the
 * results are never negative, gcd(0, 0) is 0, lcm with a zero is 0, a result the type cannot hold (the
 * magnitude of its most negative value) is an out-of-range error, and for numeric the operands may have
 * decimals (the result has the larger of their scales) while NaN or an infinity gives NaN.
 */
public record DivisorFunction(boolean leastCommonMultiple) implements ScalarFunction {
    @Override
    public String name() {
        return leastCommonMultiple ? "lcm" : "gcd";
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        FieldVector out = context.newVector(resultType, rows);
        for (int i = 0; i < rows; i++) {
            if (arguments[0].isNull(i) || arguments[1].isNull(i)) {
                out.setNull(i);
                continue;
            }
            switch (out) {
                case IntVector o -> o.set(i, (int) integers(((IntVector) arguments[0]).get(i),
                        ((IntVector) arguments[1]).get(i), Integer.MIN_VALUE, "integer"));
                case BigIntVector o -> o.set(i, integers(((BigIntVector) arguments[0]).get(i),
                        ((BigIntVector) arguments[1]).get(i), Long.MIN_VALUE, "bigint"));
                case VarBinaryVector o -> o.setSafe(i, DecimalCodec.encode(numerics(
                        DecimalCodec.decode(((VarBinaryVector) arguments[0]).get(i)),
                        DecimalCodec.decode(((VarBinaryVector) arguments[1]).get(i)))));
                default -> throw BasaltException.internal(name() + " into " + out.getClass().getSimpleName());
            }
        }
        out.setValueCount(rows);
        return out;
    }

    /** gcd or lcm of two values of a type whose most negative value is {@code min}. */
    private long integers(long a, long b, long min, String typeName) {
        long gcd = negativeGcd(a, b);
        if (!leastCommonMultiple) {
            if (gcd == min) {
                throw outOfRange(typeName);
            }
            return -gcd;
        }
        if (a == 0 || b == 0) {
            return 0;
        }
        long quotient = a / -gcd;
        long product;
        try {
            product = Math.multiplyExact(quotient, b);
        } catch (ArithmeticException overflow) {
            throw outOfRange(typeName);
        }
        if (product == min || product < min || product > -(min + 1)) {
            throw outOfRange(typeName);
        }
        return Math.abs(product);
    }

    /** Minus the gcd, computed among non-positive numbers so that the most negative value needs no negation. */
    private static long negativeGcd(long a, long b) {
        long x = a < 0 ? a : -a;
        long y = b < 0 ? b : -b;
        while (y != 0) {
            long remainder = x % y;
            x = y;
            y = remainder;
        }
        return x;
    }

    private BigDecimal numerics(BigDecimal a, BigDecimal b) {
        if (a instanceof NumericSpecial || b instanceof NumericSpecial) {
            return NumericSpecial.NAN;
        }
        int scale = Math.max(Math.max(a.scale(), b.scale()), 0);
        BigInteger x = a.setScale(scale).unscaledValue().abs();
        BigInteger y = b.setScale(scale).unscaledValue().abs();
        BigInteger gcd = x.gcd(y);
        if (!leastCommonMultiple) {
            return new BigDecimal(gcd, scale);
        }
        if (x.signum() == 0 || y.signum() == 0) {
            return BigDecimal.ZERO.setScale(scale);
        }
        return NumberText.checkSize(new BigDecimal(x.divide(gcd).multiply(y), scale));
    }

    private static BasaltException outOfRange(String typeName) {
        return BasaltException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, typeName + " out of range");
    }
}
