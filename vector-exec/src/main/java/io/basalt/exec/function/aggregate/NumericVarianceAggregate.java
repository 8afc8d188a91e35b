package io.basalt.exec.function.aggregate;

import static java.util.Objects.requireNonNull;

import io.basalt.error.BasaltException;
import io.basalt.exec.expression.NumericMath;
import io.basalt.exec.vector.WideDecimalValues;
import io.basalt.type.DecimalCodec;
import io.basalt.type.LogicalType;
import io.basalt.type.NumericSpecial;
import io.basalt.type.PhysicalType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Arrays;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.VarBinaryVector;

/**
 * Variance and standard deviation of smallint, integer, bigint and numeric inputs, numeric, computed
 * exactly as PostgreSQL computes them: a group keeps N, sum(x) and sum(x*x) exactly, and the result is
 * (N*sum(x*x) - sum(x)^2) / (N*(N-1)) (or N*N for the population forms) divided at PostgreSQL's division
 * scale, its square root taken at that same scale. Integer and scaled-NUMERIC inputs accumulate their
 * unscaled values in longs (no boxing); unconstrained NUMERIC accumulates BigDecimals and remembers the
 * largest scale seen, as PostgreSQL's display scale does; a NaN or an infinity among them makes the result NaN.
 * A scaled NUMERIC's NaN (64- or 128-bit sentinel) is counted but not summed, and marks its group NaN.
 */
public record NumericVarianceAggregate(String name, VarianceKind kind, LogicalType argumentType)
        implements AggregateFunction {
    public NumericVarianceAggregate {
        requireNonNull(name, "name is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(argumentType, "argumentType is null");
    }

    @Override
    public LogicalType resultType() {
        return LogicalType.NUMERIC;
    }

    @Override
    public GroupedAggregateState newState() {
        return new State();
    }

    /** The fixed scale of the unscaled integers accumulated for scaled types (0 for integers). */
    private int fixedScale() {
        return argumentType.isScaledLong() || argumentType.isScaledWide() ? argumentType.scale() : 0;
    }

    /**
     * The result from N, sum(x) and sum(x*x) (both at their scales), as PostgreSQL's
     * {@code numeric_stddev_internal} computes it; null when there are too few values.
     */
    static BigDecimal finish(VarianceKind kind, long count, BigDecimal sum, BigDecimal sumOfSquares) {
        if (count == 0 || (kind.sample() && count <= 1)) {
            return null;
        }
        if (sum instanceof NumericSpecial || sumOfSquares instanceof NumericSpecial) {
            // PostgreSQL: any NaN or infinity among the inputs makes the variance NaN.
            return NumericSpecial.NAN;
        }
        BigDecimal n = BigDecimal.valueOf(count);
        BigDecimal numerator = n.multiply(sumOfSquares).subtract(sum.multiply(sum));
        int numeratorScale = Math.max(sum.scale() * 2, sumOfSquares.scale());
        numerator = numerator.setScale(numeratorScale, RoundingMode.UNNECESSARY);
        if (numerator.signum() <= 0) {
            // PostgreSQL guards against a negative numerator from rounding and answers an unscaled zero.
            return BigDecimal.ZERO;
        }
        BigDecimal denominator = kind.sample() ? n.multiply(BigDecimal.valueOf(count - 1)) : n.multiply(n);
        BigDecimal variance = NumericMath.divide(numerator, denominator);
        if (!kind.root()) {
            return variance;
        }
        int scale = variance.scale();
        // The root truncated a few digits past the result's scale, then rounded half up: the same digits
        // as PostgreSQL's integer square root with one extra digit followed by rounding.
        int digits = Math.max(variance.precision() - variance.scale(), 1) / 2 + scale + 8;
        BigDecimal root = variance.sqrt(new MathContext(digits, RoundingMode.DOWN));
        return root.setScale(scale, RoundingMode.HALF_UP);
    }

    private final class State implements GroupedAggregateState {
        private long[] counts = new long[16];
        /** Groups that have seen a scaled NUMERIC's NaN. */
        private boolean[] nans = new boolean[16];
        private final boolean scaledLong = argumentType.isScaledLong();
        private final Int128Sums sums = new Int128Sums();
        private final SquareSums squares = new SquareSums();
        private BigDecimal[] decimalSums;
        private BigDecimal[] decimalSquares;

        State() {
            if (argumentType.physical() == PhysicalType.BIG_DECIMAL) {
                decimalSums = new BigDecimal[16];
                decimalSquares = new BigDecimal[16];
            }
        }

        @Override
        public void ensureGroups(int groupCount) {
            if (groupCount > counts.length) {
                int size = Math.max(groupCount, counts.length * 2);
                counts = Arrays.copyOf(counts, size);
                nans = Arrays.copyOf(nans, size);
                if (decimalSums != null) {
                    decimalSums = Arrays.copyOf(decimalSums, size);
                    decimalSquares = Arrays.copyOf(decimalSquares, size);
                }
            }
            sums.ensure(groupCount);
            squares.ensure(groupCount);
        }

        private void add(int g, long value) {
            counts[g]++;
            sums.add(g, value);
            squares.addSquare(g, value);
        }

        private void addDecimal(int g, BigDecimal value) {
            counts[g]++;
            BigDecimal square = NumericMath.multiply(value, value);
            decimalSums[g] = decimalSums[g] == null ? value : NumericMath.add(decimalSums[g], value);
            decimalSquares[g] = decimalSquares[g] == null ? square : NumericMath.add(decimalSquares[g], square);
        }

        @Override
        public void update(FieldVector argument, int[] groupIds, int rows) {
            switch (argument) {
                case SmallIntVector v -> {
                    for (int i = 0; i < rows; i++) {
                        if (!v.isNull(i)) {
                            add(groupIds[i], v.get(i));
                        }
                    }
                }
                case IntVector v -> {
                    for (int i = 0; i < rows; i++) {
                        if (!v.isNull(i)) {
                            add(groupIds[i], v.get(i));
                        }
                    }
                }
                case BigIntVector v -> {
                    for (int i = 0; i < rows; i++) {
                        if (!v.isNull(i)) {
                            long value = v.get(i);
                            if (scaledLong && value == NumericSpecial.SCALED_LONG_NAN) {
                                counts[groupIds[i]]++;
                                nans[groupIds[i]] = true;
                            } else {
                                add(groupIds[i], value);
                            }
                        }
                    }
                }
                case DecimalVector v -> {
                    ArrowBuf data = v.getDataBuffer();
                    for (int i = 0; i < rows; i++) {
                        if (!v.isNull(i)) {
                            long low = data.getLong((long) i * 16);
                            long high = data.getLong((long) i * 16 + 8);
                            if (high == low >> 63) {
                                add(groupIds[i], low);
                            } else if (WideDecimalValues.isNaN(v, i)) {
                                counts[groupIds[i]]++;
                                nans[groupIds[i]] = true;
                            } else {
                                addWide(groupIds[i], v.getObject(i).unscaledValue());
                            }
                        }
                    }
                }
                case VarBinaryVector v -> {
                    for (int i = 0; i < rows; i++) {
                        if (!v.isNull(i)) {
                            addDecimal(groupIds[i], DecimalCodec.decode(v.get(i)));
                        }
                    }
                }
                default -> throw BasaltException.internal(name + " over " + argument.getClass().getSimpleName());
            }
        }

        /** A scaled value wider than 64 bits: rare, so it takes the arbitrary-precision path. */
        private void addWide(int g, BigInteger unscaled) {
            counts[g]++;
            sums.add(g, unscaled);
            squares.add(g, unscaled.multiply(unscaled));
        }

        @Override
        public void updateSingleGroup(FieldVector argument, int rows) {
            update(argument, new int[rows], rows);
        }

        @Override
        public void merge(GroupedAggregateState other, int[] mapping, int otherGroups) {
            State theirs = (State) other;
            for (int g = 0; g < otherGroups; g++) {
                if (theirs.counts[g] == 0) {
                    continue;
                }
                int target = mapping[g];
                counts[target] += theirs.counts[g];
                nans[target] |= theirs.nans[g];
                if (decimalSums != null) {
                    decimalSums[target] = decimalSums[target] == null ? theirs.decimalSums[g]
                            : NumericMath.add(decimalSums[target], theirs.decimalSums[g]);
                    decimalSquares[target] = decimalSquares[target] == null ? theirs.decimalSquares[g]
                            : NumericMath.add(decimalSquares[target], theirs.decimalSquares[g]);
                } else {
                    sums.add(target, theirs.sums.get(g));
                    squares.merge(target, theirs.squares, g);
                }
            }
        }

        @Override
        public void writeResults(FieldVector out, int groupCount) {
            VarBinaryVector vector = (VarBinaryVector) out;
            int scale = fixedScale();
            for (int g = 0; g < groupCount; g++) {
                BigDecimal result;
                if (counts[g] == 0) {
                    result = null;
                } else if (nans[g]) {
                    result = finish(kind, counts[g], NumericSpecial.NAN, NumericSpecial.NAN);
                } else if (decimalSums != null) {
                    result = finish(kind, counts[g], decimalSums[g], decimalSquares[g]);
                } else {
                    result = finish(kind, counts[g], new BigDecimal(sums.get(g), scale),
                            new BigDecimal(squares.get(g), scale * 2));
                }
                if (result == null) {
                    vector.setNull(g);
                } else {
                    vector.setSafe(g, DecimalCodec.encode(result));
                }
            }
        }
    }
}
