package io.basalt.exec.vector;

import io.basalt.type.NumericSpecial;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.DecimalVector;

/**
 * Reads and writes the values of a 128-bit NUMERIC column (an Arrow {@link DecimalVector}, NUMERIC(p,s) with
 * 18 < p <= 38), including its NaN.
 *
 * <p>NaN is stored as the largest signed 128-bit integer, 2^127 - 1 (high word {@link #NAN_HIGH}, low word
 * {@link #NAN_LOW}): about 1.7 * 10^38, which no value of 38 digits or fewer reaches. Because
 * {@link ValueComparison#compareWide} compares the raw words and {@link KeyHashing} hashes them, NaN orders
 * above every number, equals itself and groups with itself without any special case there. Arrow's own
 * {@code getObject}/{@code setSafe(BigDecimal)} know nothing of it (and refuse a 39-digit value), so every
 * place that turns a wide value into a {@link BigDecimal} or back goes through {@link #get} and {@link #set}.
 */
public final class WideDecimalValues {
    public static final long NAN_HIGH = Long.MAX_VALUE;
    public static final long NAN_LOW = -1L;

    private WideDecimalValues() {
    }

    /** Whether the non-null value at {@code row} is NaN. */
    public static boolean isNaN(DecimalVector vector, int row) {
        ArrowBuf data = vector.getDataBuffer();
        return data.getLong((long) row * 16 + 8) == NAN_HIGH && data.getLong((long) row * 16) == NAN_LOW;
    }

    /** The value at {@code row} as a decimal of the column's scale, {@link NumericSpecial#NAN} for NaN; null if null. */
    public static BigDecimal get(DecimalVector vector, int row) {
        if (vector.isNull(row)) {
            return null;
        }
        return isNaN(vector, row) ? NumericSpecial.NAN : vector.getObject(row);
    }

    /**
     * Stores {@code value} (a decimal that fits the column, or {@link NumericSpecial#NAN}) at {@code row},
     * growing the vector as needed. A finite value is brought to the column's scale, and must not need rounding.
     */
    public static void set(DecimalVector vector, int row, BigDecimal value) {
        if (NumericSpecial.isNaN(value)) {
            setNaN(vector, row);
        } else {
            vector.setSafe(row, value.setScale(vector.getScale(), RoundingMode.UNNECESSARY));
        }
    }

    /** Stores NaN at {@code row}, growing the vector as needed. */
    public static void setNaN(DecimalVector vector, int row) {
        while (row >= vector.getValueCapacity()) {
            vector.reAlloc();
        }
        ArrowBuf data = vector.getDataBuffer();
        data.setLong((long) row * 16, NAN_LOW);
        data.setLong((long) row * 16 + 8, NAN_HIGH);
        BitVectorHelper.setBit(vector.getValidityBuffer(), row);
    }
}
