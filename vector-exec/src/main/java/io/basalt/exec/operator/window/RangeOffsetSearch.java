package io.basalt.exec.operator.window;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.operator.sort.SortKey;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.Interval;
import io.basalt.type.NumericSpecial;
import io.basalt.type.LogicalType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.apache.arrow.vector.FieldVector;

/**
 * One offset bound of a RANGE frame ({@code offset PRECEDING} or {@code offset FOLLOWING}): for each row,
 * the first row of its partition whose ORDER BY key lies within (a start) or beyond (an end) the current key
 * minus or plus the offset. The keys are sorted, so the answer only moves forward and one pointer per
 * partition finds them all. The comparison follows PostgreSQL's {@code in_range} support functions: a bound
 * that overflows counts as infinitely far; NaN doubles are peers of each other and above everything; NULL
 * keys are never within range of a non-null key, and a row with a NULL key has its NULL peers as the bound.
 * Subclasses hold the keys in primitive form per type family.
 */
abstract class RangeOffsetSearch {
    private final boolean[] nulls;
    private final boolean nullsFirst;
    private final int[] peerStart;
    private final int[] peerEnd;
    private final boolean start;
    /** Whether the bound is the key minus the offset. */
    protected final boolean subtract;
    /** Whether "within" means at or below the bound (else at or above). */
    protected final boolean less;

    RangeOffsetSearch(WindowRows rows, SortKey key, boolean preceding, boolean start) {
        FieldVector column = rows.columns[key.column()];
        boolean[] nullFlags = null;
        if (column.getNullCount() > 0) {
            nullFlags = new boolean[rows.rowCount];
            for (int i = 0; i < rows.rowCount; i++) {
                nullFlags[i] = column.isNull(i);
            }
        }
        this.nulls = nullFlags;
        this.nullsFirst = key.nullsFirst();
        this.peerStart = rows.peerStart;
        this.peerEnd = rows.peerEnd;
        this.start = start;
        this.subtract = preceding != key.descending();
        this.less = start == key.descending();
    }

    /** The search for a bound over the ORDER BY key's type; {@code offset} is already known to be non-null. */
    static RangeOffsetSearch of(WindowRows rows, SortKey key, Object offset, boolean preceding, boolean start) {
        FieldVector column = rows.columns[key.column()];
        LogicalType type = LogicalType.of(column.getField());
        return switch (type.id()) {
            case SMALLINT, INTEGER, BIGINT -> new LongKeys(rows, key, (Long) offset, preceding, start);
            case REAL, DOUBLE -> new DoubleKeys(rows, key, (Double) offset, preceding, start);
            case NUMERIC -> new DecimalKeys(rows, key, type, (BigDecimal) offset, preceding, start);
            case DATE, TIMESTAMP, TIMESTAMPTZ -> new TimestampKeys(rows, key, type, (Interval) offset, preceding, start);
            case INTERVAL -> new IntervalKeys(rows, key, (Interval) offset, preceding, start);
            case TIME, TIMETZ -> new TimeKeys(rows, key, type, (Interval) offset, preceding, start);
            default -> throw BasaltException.internal("RANGE offset over " + type.displayName());
        };
    }

    static BasaltException invalidSize() {
        return BasaltException.of(SqlState.INVALID_PRECEDING_OR_FOLLOWING_SIZE,
                "invalid preceding or following size in window function");
    }

    /** A non-null value of an integer-like column (integers, dates, timestamps), unboxed. */
    static long longValue(FieldVector column, int row) {
        return switch (column) {
            case org.apache.arrow.vector.BigIntVector v -> v.get(row);
            case org.apache.arrow.vector.IntVector v -> v.get(row);
            case org.apache.arrow.vector.SmallIntVector v -> v.get(row);
            case org.apache.arrow.vector.DateDayVector v -> v.get(row);
            default -> throw BasaltException.internal("not an integer column: " + column.getClass().getSimpleName());
        };
    }

    /** Fixes the bound for the current row's key. */
    abstract void prepare(int base);

    /** Whether row {@code row}'s key is within the prepared bound. */
    abstract boolean within(int row);

    /** Writes the bound of every row of partition {@code [ps, pe)} into {@code bound}. */
    final void fill(int ps, int pe, int[] bound) {
        int first = ps;
        int last = pe;
        if (nulls != null) {
            if (nullsFirst) {
                while (first < pe && nulls[first]) {
                    first++;
                }
                for (int i = ps; i < first; i++) {
                    bound[i] = start ? peerStart[i] : peerEnd[i];
                }
            } else {
                while (last > ps && nulls[last - 1]) {
                    last--;
                }
                for (int i = last; i < pe; i++) {
                    bound[i] = start ? peerStart[i] : peerEnd[i];
                }
            }
        }
        int pointer = first;
        for (int i = first; i < last; i++) {
            prepare(i);
            if (start) {
                while (pointer < last && !within(pointer)) {
                    pointer++;
                }
            } else {
                while (pointer < last && within(pointer)) {
                    pointer++;
                }
            }
            bound[i] = pointer;
        }
    }

    // ---- key families ---------------------------------------------------------------------------

    /** smallint, integer, bigint keys with an integer offset. */
    private static final class LongKeys extends RangeOffsetSearch {
        private final long[] keys;
        private final long offset;
        private long bound;
        private boolean infinite;
        private boolean infiniteAnswer;

        LongKeys(WindowRows rows, SortKey key, long offset, boolean preceding, boolean start) {
            super(rows, key, preceding, start);
            FieldVector column = rows.columns[key.column()];
            keys = new long[rows.rowCount];
            for (int i = 0; i < keys.length; i++) {
                if (!column.isNull(i)) {
                    keys[i] = longValue(column, i);
                }
            }
            this.offset = offset;
        }

        @Override
        void prepare(int base) {
            if (offset < 0) {
                throw invalidSize();
            }
            long signed = subtract ? -offset : offset;
            long sum = keys[base] + signed;
            infinite = ((keys[base] ^ sum) & (signed ^ sum)) < 0;
            infiniteAnswer = subtract ? !less : less;
            bound = sum;
        }

        @Override
        boolean within(int row) {
            if (infinite) {
                return infiniteAnswer;
            }
            return less ? keys[row] <= bound : keys[row] >= bound;
        }
    }

    /** real and double precision keys with a double precision offset. */
    private static final class DoubleKeys extends RangeOffsetSearch {
        private final double[] keys;
        private final double offset;
        private double base;
        private double bound;

        DoubleKeys(WindowRows rows, SortKey key, double offset, boolean preceding, boolean start) {
            super(rows, key, preceding, start);
            FieldVector column = rows.columns[key.column()];
            keys = new double[rows.rowCount];
            for (int i = 0; i < keys.length; i++) {
                if (!column.isNull(i)) {
                    keys[i] = ((org.apache.arrow.vector.Float8Vector) column).get(i);
                }
            }
            this.offset = offset;
        }

        @Override
        void prepare(int row) {
            if (Double.isNaN(offset) || offset < 0) {
                throw invalidSize();
            }
            base = keys[row];
            bound = subtract ? base - offset : base + offset;
        }

        @Override
        boolean within(int row) {
            double value = keys[row];
            if (Double.isNaN(value)) {
                return Double.isNaN(base) || !less;
            }
            if (Double.isNaN(base)) {
                return less;
            }
            if (Double.isInfinite(offset) && Double.isInfinite(base) && (subtract ? base > 0 : base < 0)) {
                return true;
            }
            return less ? value <= bound : value >= bound;
        }
    }

    /** numeric keys, whatever their representation, with a numeric offset. */
    private static final class DecimalKeys extends RangeOffsetSearch {
        private final BigDecimal[] keys;
        private final BigDecimal offset;
        private BigDecimal base;
        private BigDecimal bound;

        DecimalKeys(WindowRows rows, SortKey key, LogicalType type, BigDecimal offset, boolean preceding,
                    boolean start) {
            super(rows, key, preceding, start);
            FieldVector column = rows.columns[key.column()];
            keys = new BigDecimal[rows.rowCount];
            for (int i = 0; i < keys.length; i++) {
                Object value = ValueAccess.get(column, i);
                keys[i] = value instanceof Long unscaled ? new BigDecimal(BigInteger.valueOf(unscaled), type.scale())
                        : (BigDecimal) value;
            }
            this.offset = offset;
        }

        @Override
        void prepare(int row) {
            if (NumericSpecial.isNaN(offset) || offset.signum() < 0) {
                throw invalidSize();
            }
            base = keys[row];
            if (NumericSpecial.isSpecial(base)) {
                bound = base; // an infinity plus or minus anything it can meet here stays itself; NaN is handled below
            } else if (NumericSpecial.isInfinite(offset)) {
                bound = subtract ? NumericSpecial.NEGATIVE_INFINITY : NumericSpecial.POSITIVE_INFINITY;
            } else {
                bound = subtract ? base.subtract(offset) : base.add(offset);
            }
        }

        /** PostgreSQL's in_range for numeric: NaN sorts above everything, and +Inf infinitely precedes +Inf. */
        @Override
        boolean within(int row) {
            BigDecimal value = keys[row];
            if (NumericSpecial.isNaN(value)) {
                return NumericSpecial.isNaN(base) || !less;
            }
            if (NumericSpecial.isNaN(base)) {
                return less;
            }
            if (NumericSpecial.isInfinite(offset) && NumericSpecial.isInfinite(base)
                    && (subtract ? base.signum() > 0 : base.signum() < 0)) {
                return true;
            }
            int comparison = value.compareTo(bound);
            return less ? comparison <= 0 : comparison >= 0;
        }
    }

    /** date, timestamp and timestamptz keys (as microseconds) with an interval offset. */
    private static final class TimestampKeys extends RangeOffsetSearch {
        private final long[] keys;
        private final Interval offset;
        private long bound;
        private boolean infinite;

        TimestampKeys(WindowRows rows, SortKey key, LogicalType type, Interval offset, boolean preceding,
                      boolean start) {
            super(rows, key, preceding, start);
            FieldVector column = rows.columns[key.column()];
            keys = new long[rows.rowCount];
            boolean date = type.id() == io.basalt.type.TypeId.DATE;
            for (int i = 0; i < keys.length; i++) {
                if (!column.isNull(i)) {
                    long value = longValue(column, i);
                    keys[i] = date ? value * Interval.MICROS_PER_DAY : value;
                }
            }
            this.offset = offset;
        }

        @Override
        void prepare(int row) {
            if (offset.compareTo(Interval.ZERO) < 0) {
                throw invalidSize();
            }
            try {
                bound = plus(keys[row], subtract ? offset.negate() : offset);
                infinite = false;
            } catch (ArithmeticException | java.time.DateTimeException overflow) {
                infinite = true;
            }
        }

        /** Microseconds since 1970 plus an interval: months by the calendar, then days, then time. */
        private static long plus(long micros, Interval interval) {
            LocalDateTime time = LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                    (int) Math.floorMod(micros, 1_000_000L) * 1000, ZoneOffset.UTC);
            time = time.plusMonths(interval.months()).plusDays(interval.days());
            long base = Math.multiplyExact(time.toEpochSecond(ZoneOffset.UTC), 1_000_000L) + time.getNano() / 1000;
            return Math.addExact(base, interval.micros());
        }

        @Override
        boolean within(int row) {
            if (infinite) {
                return subtract ? !less : less;
            }
            return less ? keys[row] <= bound : keys[row] >= bound;
        }
    }

    /** interval keys with an interval offset. */
    private static final class IntervalKeys extends RangeOffsetSearch {
        private final Interval[] keys;
        private final Interval offset;
        private Interval base;
        private Interval bound;

        IntervalKeys(WindowRows rows, SortKey key, Interval offset, boolean preceding, boolean start) {
            super(rows, key, preceding, start);
            FieldVector column = rows.columns[key.column()];
            keys = new Interval[rows.rowCount];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = (Interval) ValueAccess.get(column, i);
            }
            this.offset = offset;
        }

        @Override
        void prepare(int row) {
            if (offset.compareTo(Interval.ZERO) < 0) {
                throw invalidSize();
            }
            base = keys[row];
            Interval step = subtract ? offset.negate() : offset;
            if (!base.isFinite()) {
                bound = base;
            } else if (!offset.isFinite()) {
                bound = step;
            } else {
                try {
                    bound = base.plus(step);
                } catch (ArithmeticException overflow) {
                    throw io.basalt.error.BasaltException.of(io.basalt.error.SqlState.DATETIME_FIELD_OVERFLOW,
                            "interval out of range");
                }
            }
        }

        /** As PostgreSQL's in_range for intervals: +infinity infinitely precedes +infinity (see DoubleKeys). */
        @Override
        boolean within(int row) {
            if (!offset.isFinite() && !base.isFinite()
                    && (subtract ? base.equals(Interval.INFINITY) : base.equals(Interval.MINUS_INFINITY))) {
                return true;
            }
            int comparison = keys[row].compareTo(bound);
            return less ? comparison <= 0 : comparison >= 0;
        }
    }

    /**
     * time and timetz keys with an interval offset. As PostgreSQL's {@code in_range} for these types, only the
     * offset's time part counts (its months and days are ignored, and only a negative time part is an invalid
     * size), and the bound does not wrap around midnight. A timetz bound keeps the key's zone: on the packed,
     * order-preserving form ({@link io.basalt.type.datetime.TimeWithZone}) that moves the UTC instant alone.
     */
    private static final class TimeKeys extends RangeOffsetSearch {
        private final long[] keys;
        private final long offsetMicros;
        /** The offset in the keys' own units (packed timetz steps for timetz). */
        private final long step;
        private long bound;

        TimeKeys(WindowRows rows, SortKey key, LogicalType type, Interval offset, boolean preceding, boolean start) {
            super(rows, key, preceding, start);
            FieldVector column = rows.columns[key.column()];
            keys = new long[rows.rowCount];
            for (int i = 0; i < keys.length; i++) {
                if (!column.isNull(i)) {
                    keys[i] = longValue(column, i);
                }
            }
            this.offsetMicros = offset.micros();
            this.step = type.id() == io.basalt.type.TypeId.TIMETZ
                    ? io.basalt.type.datetime.TimeWithZone.pack(offsetMicros, 0)
                            - io.basalt.type.datetime.TimeWithZone.pack(0, 0)
                    : offsetMicros;
        }

        @Override
        void prepare(int row) {
            if (offsetMicros < 0) {
                throw invalidSize();
            }
            bound = subtract ? keys[row] - step : keys[row] + step;
        }

        @Override
        boolean within(int row) {
            return less ? keys[row] <= bound : keys[row] >= bound;
        }
    }
}
