package io.basalt.exec.function.scalar;

import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.type.LogicalType;
import io.basalt.type.datetime.Calendar;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;

/** {@code isfinite(date | timestamp | timestamptz | interval)}: false for {@code infinity} and {@code -infinity}. */
public final class IsFiniteFunction implements ScalarFunction {
    public static final IsFiniteFunction INSTANCE = new IsFiniteFunction();

    private IsFiniteFunction() {
    }

    @Override
    public String name() {
        return "isfinite";
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        FieldVector in = arguments[0];
        BitVector out = (BitVector) context.newVector(resultType, rows);
        // One loop per physical type, so that no row pays for a type test.
        if (in instanceof DateDayVector dates) {
            for (int i = 0; i < rows; i++) {
                if (!dates.isNull(i)) {
                    out.set(i, Calendar.isFiniteDate(dates.get(i)) ? 1 : 0);
                }
            }
        } else if (in instanceof BigIntVector times) {
            for (int i = 0; i < rows; i++) {
                if (!times.isNull(i)) {
                    out.set(i, Calendar.isFiniteTimestamp(times.get(i)) ? 1 : 0);
                }
            }
        } else {
            FixedSizeBinaryVector intervals = (FixedSizeBinaryVector) in;
            for (int i = 0; i < rows; i++) {
                if (!intervals.isNull(i)) {
                    boolean infinite = IntervalSlots.isInfinite(IntervalSlots.months(intervals, i),
                            IntervalSlots.days(intervals, i), IntervalSlots.micros(intervals, i));
                    out.set(i, infinite ? 0 : 1);
                }
            }
        }
        return out;
    }
}
