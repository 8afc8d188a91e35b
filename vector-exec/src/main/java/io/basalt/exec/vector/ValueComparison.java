package io.basalt.exec.vector;

import io.basalt.error.BasaltException;
import io.basalt.type.DecimalCodec;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * Three-way comparison of non-null values with PostgreSQL's ordering: doubles order NaN above everything
 * and treat -0 as 0; text compares bytewise (UTF-8 in the C collation, which is code point order), and so do
 * bytea and uuid (unsigned bytes; bytea puts a prefix first).
 */
public final class ValueComparison {
    private ValueComparison() {
    }

    public static int compareDoubles(double a, double b) {
        if (a < b) {
            return -1;
        }
        if (a > b) {
            return 1;
        }
        if (a == b) {
            return 0;
        }
        boolean aNaN = Double.isNaN(a);
        boolean bNaN = Double.isNaN(b);
        return aNaN == bNaN ? 0 : aNaN ? 1 : -1;
    }

    /** Bytewise unsigned comparison of two variable-width values. */
    public static int compareBytes(BaseVariableWidthVector a, int i, BaseVariableWidthVector b, int j) {
        ArrowBuf aOffsets = a.getOffsetBuffer();
        ArrowBuf bOffsets = b.getOffsetBuffer();
        long aStart = aOffsets.getInt((long) i * 4);
        long aLength = aOffsets.getInt((long) (i + 1) * 4) - aStart;
        long bStart = bOffsets.getInt((long) j * 4);
        long bLength = bOffsets.getInt((long) (j + 1) * 4) - bStart;
        ArrowBuf aData = a.getDataBuffer();
        ArrowBuf bData = b.getDataBuffer();
        long common = Math.min(aLength, bLength);
        for (long k = 0; k < common; k++) {
            int x = aData.getByte(aStart + k) & 0xff;
            int y = bData.getByte(bStart + k) & 0xff;
            if (x != y) {
                return x < y ? -1 : 1;
            }
        }
        return Long.compare(aLength, bLength);
    }

    /** Compares two 128-bit decimals of the same scale: signed high words, then unsigned low words. */
    public static int compareWide(org.apache.arrow.vector.DecimalVector a, int i, org.apache.arrow.vector.DecimalVector b, int j) {
        ArrowBuf x = a.getDataBuffer();
        ArrowBuf y = b.getDataBuffer();
        long xHigh = x.getLong((long) i * 16 + 8);
        long yHigh = y.getLong((long) j * 16 + 8);
        if (xHigh != yHigh) {
            return Long.compare(xHigh, yHigh);
        }
        return Long.compareUnsigned(x.getLong((long) i * 16), y.getLong((long) j * 16));
    }

    /** Compares two uuids: their 16 bytes in text order, unsigned, read as two big-endian words. */
    public static int compareUuids(org.apache.arrow.vector.FixedSizeBinaryVector a, int i,
                                   org.apache.arrow.vector.FixedSizeBinaryVector b, int j) {
        ArrowBuf x = a.getDataBuffer();
        ArrowBuf y = b.getDataBuffer();
        long xHigh = Long.reverseBytes(x.getLong((long) i * 16));
        long yHigh = Long.reverseBytes(y.getLong((long) j * 16));
        if (xHigh != yHigh) {
            return Long.compareUnsigned(xHigh, yHigh);
        }
        return Long.compareUnsigned(Long.reverseBytes(x.getLong((long) i * 16 + 8)),
                Long.reverseBytes(y.getLong((long) j * 16 + 8)));
    }

    /** Compares two jsonb values with PostgreSQL's btree order, in place. */
    public static int compareJsonb(VarBinaryVector a, int i, VarBinaryVector b, int j) {
        ArrowBuf aOffsets = a.getOffsetBuffer();
        ArrowBuf bOffsets = b.getOffsetBuffer();
        return io.basalt.type.json.JsonbComparison.compare(
                io.basalt.exec.kernel.ArrowSegments.of(a.getDataBuffer()), aOffsets.getInt((long) i * 4),
                aOffsets.getInt((long) (i + 1) * 4),
                io.basalt.exec.kernel.ArrowSegments.of(b.getDataBuffer()), bOffsets.getInt((long) j * 4),
                bOffsets.getInt((long) (j + 1) * 4));
    }

    /** Whether a VarBinary vector holds arbitrary-precision NUMERIC values ({@link DecimalCodec}), not bytes or jsonb. */
    public static boolean holdsEncodedDecimals(org.apache.arrow.vector.VarBinaryVector vector) {
        return !BinaryVectors.holdsBytea(vector) && !BinaryVectors.holdsJsonb(vector);
    }

    /** Powers of ten that fit a long, for rescaling compact unscaled values. */
    private static final long[] POWERS_OF_TEN = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
            100_000_000L, 1_000_000_000L, 10_000_000_000L, 100_000_000_000L, 1_000_000_000_000L,
            10_000_000_000_000L, 100_000_000_000_000L, 1_000_000_000_000_000L, 10_000_000_000_000_000L,
            100_000_000_000_000_000L, 1_000_000_000_000_000_000L};

    /**
     * Compares the NUMERIC values ({@link DecimalCodec}'s form) at row {@code i} of {@code a} and row {@code j} of
     * {@code b}, both non-null, as {@link java.math.BigDecimal#compareTo} (by value; special values in their order).
     * Two finite values whose unscaled parts fit 64 bits, and still fit once brought to the larger scale, compare as
     * longs; anything else is decoded.
     */
    public static int compareEncodedDecimals(org.apache.arrow.vector.VarBinaryVector a, int i,
                                             org.apache.arrow.vector.VarBinaryVector b, int j) {
        ArrowBuf aOffsets = a.getOffsetBuffer();
        ArrowBuf bOffsets = b.getOffsetBuffer();
        long aStart = aOffsets.getInt((long) i * 4);
        int aLength = aOffsets.getInt((long) (i + 1) * 4) - (int) aStart;
        long bStart = bOffsets.getInt((long) j * 4);
        int bLength = bOffsets.getInt((long) (j + 1) * 4) - (int) bStart;
        ArrowBuf aData = a.getDataBuffer();
        ArrowBuf bData = b.getDataBuffer();
        if (DecimalCodec.isCompact(aData, aStart, aLength) && DecimalCodec.isCompact(bData, bStart, bLength)) {
            int aScale = DecimalCodec.scale(aData, aStart);
            int bScale = DecimalCodec.scale(bData, bStart);
            long x = DecimalCodec.unscaled(aData, aStart, aLength);
            long y = DecimalCodec.unscaled(bData, bStart, bLength);
            int shift = bScale - aScale;
            if (shift == 0) {
                return Long.compare(x, y);
            }
            if (shift > 0 && shift < POWERS_OF_TEN.length) {
                long power = POWERS_OF_TEN[shift];
                long low = x * power;
                if (Math.multiplyHigh(x, power) == (low >> 63)) {
                    return Long.compare(low, y);
                }
            } else if (shift < 0 && -shift < POWERS_OF_TEN.length) {
                long power = POWERS_OF_TEN[-shift];
                long low = y * power;
                if (Math.multiplyHigh(y, power) == (low >> 63)) {
                    return Long.compare(x, low);
                }
            }
        }
        return DecimalCodec.decode(a.get(i)).compareTo(DecimalCodec.decode(b.get(j)));
    }

    /** Compares row {@code i} of {@code a} with row {@code j} of {@code b}; both non-null, same vector class. */
    public static int compare(FieldVector a, int i, FieldVector b, int j) {
        return switch (a) {
            case BitVector v -> Integer.compare(v.get(i), ((BitVector) b).get(j));
            case SmallIntVector v -> Short.compare(v.get(i), ((SmallIntVector) b).get(j));
            case IntVector v -> Integer.compare(v.get(i), ((IntVector) b).get(j));
            case DateDayVector v -> Integer.compare(v.get(i), ((DateDayVector) b).get(j));
            case BigIntVector v -> Long.compare(v.get(i), ((BigIntVector) b).get(j));
            case Float8Vector v -> compareDoubles(v.get(i), ((Float8Vector) b).get(j));
            case VarCharVector v -> compareBytes(v, i, (VarCharVector) b, j);
            case org.apache.arrow.vector.DecimalVector v -> compareWide(v, i, (org.apache.arrow.vector.DecimalVector) b, j);
            case org.apache.arrow.vector.FixedSizeBinaryVector v when BinaryVectors.holdsUuid(v) ->
                    compareUuids(v, i, (org.apache.arrow.vector.FixedSizeBinaryVector) b, j);
            case org.apache.arrow.vector.FixedSizeBinaryVector v -> io.basalt.type.Interval.fromBytes(v.get(i))
                    .compareTo(io.basalt.type.Interval.fromBytes(((org.apache.arrow.vector.FixedSizeBinaryVector) b).get(j)));
            case VarBinaryVector v when BinaryVectors.holdsBytea(v) -> compareBytes(v, i, (VarBinaryVector) b, j);
            case VarBinaryVector v when BinaryVectors.holdsJsonb(v) -> compareJsonb(v, i, (VarBinaryVector) b, j);
            case VarBinaryVector v -> compareEncodedDecimals(v, i, (VarBinaryVector) b, j);
            case org.apache.arrow.vector.complex.StructVector v when RecordVectors.isRecord(v) -> RecordVectors.compare(v, i, b, j);
            case org.apache.arrow.vector.complex.StructVector v -> ArrayVectors.compare(v, i, b, j);
            default -> throw BasaltException.internal("cannot compare " + a.getClass().getSimpleName());
        };
    }

    /**
     * A value (in {@link ValueAccess}'s canonical form) as a key whose {@code equals} is SQL equality for values
     * of one column: numerics by value (1.0 and 1.00 equal), -0.0 equal to 0.0, intervals by their length with
     * 30-day months ('1 day' and '24 hours' equal), rows by their fields' keys; other values as they are.
     */
    public static Object equalityKey(Object value) {
        return switch (value) {
            case java.math.BigDecimal decimal -> decimal.signum() == 0 ? java.math.BigDecimal.ZERO
                    : decimal.stripTrailingZeros();
            case Double number -> number == 0.0 ? 0.0 : number;
            case io.basalt.type.Interval interval -> interval.normalizedMicros();
            case io.basalt.type.RecordValue record -> {
                // a row by its fields' keys, so that (1.0) and (1.00) are one key
                Object[] keys = new Object[record.size()];
                for (int i = 0; i < keys.length; i++) {
                    keys[i] = equalityKey(record.get(i));
                }
                yield java.util.Arrays.asList(keys);
            }
            case null, default -> value;
        };
    }
}
