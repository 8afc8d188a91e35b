package io.basalt.exec.operator.scan;

import static java.util.Objects.requireNonNull;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.batch.Batch;
import io.basalt.exec.operator.SourceState;
import io.basalt.exec.pipeline.ExecutionContext;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.Interval;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import java.math.BigDecimal;
import io.basalt.exec.function.scalar.DateTimeArithmetic;
import java.time.ZoneId;
import java.util.List;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;

/**
 * {@code generate_series(start, stop [, step])}: the values from {@code start} towards {@code stop} by
 * {@code step}, as PostgreSQL produces them, in one column named {@code generate_series}. Integer and bigint
 * series are written in tight loops; numeric series step exactly with BigDecimal; timestamp series add the
 * interval by calendar (months, then days, then time), for timestamp with time zone in the wall-clock time
 * of {@code zone} (the session's, or the one given as the fourth argument). A NULL argument gives no rows; an
 * infinite step is refused.
 *
 * <p>Values are canonical Java values of the column type (see {@link ValueAccess}): Long for integers and
 * timestamps (microseconds), BigDecimal for numeric; the step of a timestamp series is an {@link Interval}.
 */
public record SeriesSource(LogicalType type, Object start, Object stop, Object step, ZoneId zone)
        implements ScanSource {
    public SeriesSource {
        requireNonNull(type, "type is null");
        rejectSpecial(start, "start value");
        rejectSpecial(stop, "stop value");
        rejectSpecial(step, "step size");
        if (step != null && isZero(step)) {
            throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE, "step size cannot equal zero");
        }
        if (step instanceof Interval interval && !interval.isFinite()) {
            throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE, "step size cannot be infinite");
        }
    }

    /** A series whose timestamps (if any) step in UTC. */
    public SeriesSource(LogicalType type, Object start, Object stop, Object step) {
        this(type, start, stop, step, null);
    }

    /** PostgreSQL refuses a numeric NaN or infinity as any of the three arguments. */
    private static void rejectSpecial(Object value, String what) {
        if (value instanceof io.basalt.type.NumericSpecial special) {
            throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE, what + " cannot be "
                    + (special == io.basalt.type.NumericSpecial.NAN ? "NaN" : "infinity"));
        }
    }

    private static boolean isZero(Object step) {
        return switch (step) {
            case Long value -> value == 0;
            case BigDecimal value -> value.signum() == 0;
            case Interval value -> value.months() == 0 && value.days() == 0 && value.micros() == 0;
            default -> false;
        };
    }

    @Override
    public String name() {
        return "generate_series";
    }

    @Override
    public List<LogicalType> columnTypes() {
        return List.of(type);
    }

    @Override
    public SourceState open(int[] columns, ExecutionContext context) {
        return new SourceState() {
            private final boolean empty = start == null || stop == null || step == null;
            private Object next = start;
            private FieldVector vector;
            private boolean done = empty;

            @Override
            public Batch next() {
                release();
                if (done) {
                    return null;
                }
                vector = ValueAccess.allocate(type, "generate_series", context.allocator(), context.vectorSize());
                int rows = fill(vector, context.vectorSize());
                if (rows == 0) {
                    done = true;
                    release();
                    return null;
                }
                vector.setValueCount(rows);
                return columns.length == 0 ? new Batch(List.of(), rows) : new Batch(List.of(vector), rows);
            }

            /** Writes up to {@code capacity} values from {@link #next}; returns how many. */
            private int fill(FieldVector out, int capacity) {
                if (next instanceof Long value && type.id() != TypeId.TIMESTAMP && type.id() != TypeId.TIMESTAMPTZ) {
                    long current = value;
                    long last = (Long) stop;
                    long by = (Long) step;
                    int rows = 0;
                    while (rows < capacity && (by > 0 ? current <= last : current >= last)) {
                        if (out instanceof IntVector ints) {
                            ints.set(rows++, (int) current);
                        } else {
                            ((BigIntVector) out).set(rows++, current);
                        }
                        long following = current + by;
                        if (((current ^ following) & (by ^ following)) < 0) {
                            done = true;
                            return rows;
                        }
                        current = following;
                    }
                    next = current;
                    done |= rows < capacity;
                    return rows;
                }
                int rows = 0;
                while (rows < capacity && !past(next)) {
                    ValueAccess.set(out, rows++, next);
                    next = advance(next);
                }
                done |= rows < capacity;
                return rows;
            }

            private boolean past(Object value) {
                int comparison = value instanceof BigDecimal decimal ? decimal.compareTo((BigDecimal) stop)
                        : Long.compare((Long) value, (Long) stop);
                return ascending() ? comparison > 0 : comparison < 0;
            }

            private boolean ascending() {
                return switch (step) {
                    case BigDecimal decimal -> decimal.signum() > 0;
                    case Interval interval -> plus(0, interval, null) > 0;
                    default -> (Long) step > 0;
                };
            }

            private Object advance(Object value) {
                return value instanceof BigDecimal decimal ? decimal.add((BigDecimal) step)
                        : plus((Long) value, (Interval) step, zone);
            }

            private void release() {
                if (vector != null) {
                    vector.close();
                    vector = null;
                }
            }

            @Override
            public void close() {
                release();
            }
        };
    }

    /**
     * Microseconds since 1970 plus an interval: months by calendar, then days, then time, in the wall-clock
     * time of {@code zone} when there is one.
     */
    private static long plus(long micros, Interval interval, ZoneId zone) {
        try {
            return DateTimeArithmetic.plus(micros, interval.months(), interval.days(), interval.micros(), zone);
        } catch (ArithmeticException | java.time.DateTimeException overflow) {
            throw BasaltException.of(SqlState.DATETIME_FIELD_OVERFLOW, "timestamp out of range");
        }
    }
}
