package io.basalt.exec.function.scalar;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import io.basalt.type.NumericSpecial;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.apache.arrow.vector.FieldVector;

/**
 * {@code width_bucket(operand, low, high, count)}: which of {@code count} equal-width buckets spanning low..high the
 * operand falls in, 0 below the range and count + 1 above it (a descending range, low > high, counts the other way).
 * The NUMERIC variant computes exactly ({@code floor(count * (operand - low) / (high - low)) + 1}); the double
 * precision one as PostgreSQL does, in doubles. PostgreSQL's 2201G errors for a count below 1, equal bounds, NaN and
 * infinite bounds, 22003 when count + 1 overflows.
 */
public record WidthBucketFunction(boolean exact) implements ScalarFunction {
    @Override
    public String name() {
        return "width_bucket";
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        FieldVector out = context.newVector(resultType, rows);
        for (int i = 0; i < rows; i++) {
            Object operand = ValueAccess.get(arguments[0], i);
            Object low = ValueAccess.get(arguments[1], i);
            Object high = ValueAccess.get(arguments[2], i);
            Object count = ValueAccess.get(arguments[3], i);
            if (operand == null || low == null || high == null || count == null) {
                continue;
            }
            int buckets = ((Number) count).intValue();
            checkCount(buckets);
            long bucket = exact ? bucket((BigDecimal) operand, (BigDecimal) low, (BigDecimal) high, buckets)
                    : bucket((Double) operand, (Double) low, (Double) high, buckets);
            ValueAccess.set(out, i, bucket);
        }
        out.setValueCount(rows);
        return out;
    }

    private static long bucket(BigDecimal operand, BigDecimal low, BigDecimal high, int count) {
        if (NumericSpecial.isNaN(operand) || NumericSpecial.isNaN(low) || NumericSpecial.isNaN(high)) {
            throw invalid("operand, lower bound, and upper bound cannot be NaN");
        }
        if (NumericSpecial.isInfinite(low) || NumericSpecial.isInfinite(high)) {
            throw invalid("lower and upper bounds must be finite");
        }
        int order = low.compareTo(high);
        if (order == 0) {
            throw invalid("lower bound cannot equal upper bound");
        }
        boolean ascending = order < 0;
        if (NumericSpecial.isInfinite(operand)) {
            boolean above = operand.signum() > 0 == ascending;
            return above ? overflowChecked(count) : 0;
        }
        if (ascending ? operand.compareTo(low) < 0 : operand.compareTo(low) > 0) {
            return 0;
        }
        if (ascending ? operand.compareTo(high) >= 0 : operand.compareTo(high) <= 0) {
            return overflowChecked(count);
        }
        BigDecimal offset = ascending ? operand.subtract(low) : low.subtract(operand);
        BigDecimal width = ascending ? high.subtract(low) : low.subtract(high);
        BigDecimal scaled = offset.multiply(BigDecimal.valueOf(count));
        return scaled.divide(width, 0, RoundingMode.FLOOR).longValueExact() + 1;
    }

    private static long bucket(double operand, double low, double high, int count) {
        if (Double.isNaN(operand) || Double.isNaN(low) || Double.isNaN(high)) {
            throw invalid("operand, lower bound, and upper bound cannot be NaN");
        }
        if (Double.isInfinite(low) || Double.isInfinite(high)) {
            throw invalid("lower and upper bounds must be finite");
        }
        if (low == high) {
            throw invalid("lower bound cannot equal upper bound");
        }
        boolean ascending = low < high;
        if (ascending ? operand < low : operand > low) {
            return 0;
        }
        if (ascending ? operand >= high : operand <= high) {
            return overflowChecked(count);
        }
        double span = ascending ? high - low : low - high;
        // bounds near +-1.797e308 are finite but their span is not: halve everything (as PostgreSQL does)
        double fraction = Double.isInfinite(span)
                ? (ascending ? (operand / 2 - low / 2) / (high / 2 - low / 2)
                        : (low / 2 - operand / 2) / (low / 2 - high / 2))
                : (ascending ? operand - low : low - operand) / span;
        long bucket = (long) (count * fraction) + 1;
        // rounding may reach count + 1 for operands just below the upper bound
        return Math.min(bucket, count);
    }

    private static void checkCount(int count) {
        if (count <= 0) {
            throw invalid("count must be greater than zero");
        }
    }

    private static long overflowChecked(int count) {
        if (count == Integer.MAX_VALUE) {
            throw BasaltException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "integer out of range");
        }
        return count + 1L;
    }

    private static BasaltException invalid(String message) {
        return BasaltException.of(SqlState.INVALID_ARGUMENT_FOR_WIDTH_BUCKET_FUNCTION, message);
    }
}
