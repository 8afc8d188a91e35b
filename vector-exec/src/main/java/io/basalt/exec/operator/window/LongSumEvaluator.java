package io.basalt.exec.operator.window;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.expression.NumericMath;
import io.basalt.exec.vector.WideDecimalValues;
import io.basalt.type.DecimalCodec;
import io.basalt.type.LogicalType;
import io.basalt.type.NumericSpecial;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.VarBinaryVector;

/**
 * sum and avg over frames of integers and scaled NUMERICs (64-bit unscaled values): exact 128-bit prefix
 * sums and prefix counts of the non-null values make any frame a few subtractions, so every frame shape
 * costs constant time per row and the results are exact. Writes the result type the aggregate declares:
 * bigint (sum of smallint/integer, with PostgreSQL's overflow error), a 128-bit decimal (sum of bigint or
 * scaled NUMERIC) or an arbitrary-precision NUMERIC (avg, divided with NUMERIC's scale rules). NaN in a
 * scaled NUMERIC is kept out of the sums and counted in its own prefix count: a frame holding one gives NaN.
 */
final class LongSumEvaluator implements WindowEvaluator {
    private final int argumentColumn;
    private final boolean average;
    /** The argument's scale (0 for integers). */
    private final int scale;

    LongSumEvaluator(int argumentColumn, boolean average, int scale) {
        this.argumentColumn = argumentColumn;
        this.average = average;
        this.scale = scale;
    }

    @Override
    public void evaluate(WindowRows rows, Frames frames, FieldVector out) {
        int n = rows.rowCount;
        long[] low = new long[n + 1];
        long[] high = new long[n + 1];
        int[] counts = new int[n + 1];
        int[] nans = new int[n + 1];
        prefixSums(rows.columns[argumentColumn], n, low, high, counts, nans);
        for (int i = 0; i < n; i++) {
            long sumLow = 0;
            long sumHigh = 0;
            long count = 0;
            long nanCount = 0;
            int ranges;
            if (frames.excludes()) {
                frames.split(i);
                ranges = frames.rangeCount;
            } else {
                ranges = 1;
            }
            for (int r = 0; r < ranges; r++) {
                int s = frames.excludes() ? frames.rangeStart[r] : frames.start[i];
                int e = frames.excludes() ? frames.rangeEnd[r] : frames.end[i];
                if (s >= e) {
                    continue;
                }
                // (high:low)[e] - (high:low)[s], added to the running total, all in two's complement 128 bits.
                long differenceLow = low[e] - low[s];
                long differenceHigh = high[e] - high[s] - (Long.compareUnsigned(low[e], low[s]) < 0 ? 1 : 0);
                long totalLow = sumLow + differenceLow;
                sumHigh = sumHigh + differenceHigh + (Long.compareUnsigned(totalLow, sumLow) < 0 ? 1 : 0);
                sumLow = totalLow;
                count += counts[e] - counts[s];
                nanCount += nans[e] - nans[s];
            }
            if (count == 0) {
                out.setNull(i);
                continue;
            }
            if (nanCount > 0) {
                writeNaN(out, i);
                continue;
            }
            write(out, i, sumLow, sumHigh, count);
        }
    }

    private static void prefixSums(FieldVector argument, int n, long[] low, long[] high, int[] counts, int[] nans) {
        boolean nulls = argument.getNullCount() > 0;
        boolean scaled = argument instanceof BigIntVector && LogicalType.of(argument.getField()).isNumeric();
        for (int i = 0; i < n; i++) {
            boolean valid = !nulls || !argument.isNull(i);
            long value = !valid ? 0 : switch (argument) {
                case BigIntVector v -> v.get(i);
                case IntVector v -> v.get(i);
                case SmallIntVector v -> v.get(i);
                default -> throw BasaltException.internal("sum over " + argument.getClass().getSimpleName());
            };
            boolean nan = scaled && valid && value == NumericSpecial.SCALED_LONG_NAN;
            nans[i + 1] = nans[i] + (nan ? 1 : 0);
            if (nan) {
                value = 0;
            }
            long nextLow = low[i] + value;
            high[i + 1] = high[i] + (value >> 63) + (Long.compareUnsigned(nextLow, low[i]) < 0 ? 1 : 0);
            low[i + 1] = nextLow;
            counts[i + 1] = counts[i] + (valid ? 1 : 0);
        }
    }

    private static void writeNaN(FieldVector out, int row) {
        switch (out) {
            case DecimalVector v -> WideDecimalValues.setNaN(v, row);
            case VarBinaryVector v -> v.setSafe(row, DecimalCodec.encode(NumericSpecial.NAN));
            default -> throw BasaltException.internal("NaN sum into " + out.getClass().getSimpleName());
        }
    }

    private void write(FieldVector out, int row, long sumLow, long sumHigh, long count) {
        switch (out) {
            case BigIntVector v -> {
                if (sumHigh != (sumLow >> 63)) {
                    throw BasaltException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "bigint out of range");
                }
                v.set(row, sumLow);
            }
            case DecimalVector v -> {
                ArrowBuf data = v.getDataBuffer();
                data.setLong((long) row * 16, sumLow);
                data.setLong((long) row * 16 + 8, sumHigh);
                BitVectorHelper.setBit(v.getValidityBuffer(), row);
            }
            case VarBinaryVector v -> {
                BigInteger lowWord = BigInteger.valueOf(sumLow & Long.MAX_VALUE);
                if (sumLow < 0) {
                    lowWord = lowWord.setBit(63);
                }
                BigInteger unscaled = BigInteger.valueOf(sumHigh).shiftLeft(64).add(lowWord);
                BigDecimal sum = new BigDecimal(unscaled, scale);
                BigDecimal result = average ? NumericMath.divide(sum, BigDecimal.valueOf(count)) : sum;
                v.setSafe(row, DecimalCodec.encode(result));
            }
            default -> throw BasaltException.internal("sum into " + out.getClass().getSimpleName());
        }
    }
}
