package io.basalt.binder;

import io.basalt.exec.expression.ArithmeticOperator;
import io.basalt.exec.function.scalar.DateTimeArithmetic;
import io.basalt.exec.function.scalar.DateTimeArithmetic.Kind;
import io.basalt.exec.function.scalar.TimeArithmetic;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import java.util.List;

/**
 * PostgreSQL's arithmetic operators on dates, timestamps and intervals: {@code date ± integer},
 * {@code date - date}, {@code timestamp ± interval} (a date operand becomes a timestamp),
 * {@code timestamp - timestamp}, {@code interval ± interval}, {@code interval * number},
 * {@code interval / number}, and on times of day ({@link #bindTime}). An untyped literal next to a timestamp is read as an interval after {@code +}
 * and as the same type after {@code -}, as PostgreSQL's operator resolution does. Timestamptz arithmetic
 * captures the session's zone here.
 */
final class DateTimeOperators {
    private DateTimeOperators() {
    }

    /** The bound operation, or null when neither operand is a date, timestamp or interval. */
    static BoundExpression bind(ArithmeticOperator operator, BoundExpression left, BoundExpression right, int position) {
        if (!temporal(left.type()) && !temporal(right.type())) {
            return null;
        }
        if (left.type().isTimeOfDay() || right.type().isTimeOfDay()) {
            return bindTime(operator, left, right, position);
        }
        boolean plus = operator == ArithmeticOperator.ADD;
        boolean minus = operator == ArithmeticOperator.SUBTRACT;
        if (right.type().id() == TypeId.UNKNOWN && left.type().isDateTime()) {
            right = Coercion.cast(right, plus ? LogicalType.INTERVAL : left.type(), false);
        } else if (left.type().id() == TypeId.UNKNOWN && right.type().isDateTime() && plus) {
            left = Coercion.cast(left, LogicalType.INTERVAL, false);
        } else if (right.type().id() == TypeId.UNKNOWN && left.type().id() == TypeId.INTERVAL) {
            right = Coercion.cast(right, operator == ArithmeticOperator.MULTIPLY || operator == ArithmeticOperator.DIVIDE
                    ? LogicalType.DOUBLE : LogicalType.INTERVAL, false);
        }
        TypeId l = left.type().id();
        TypeId r = right.type().id();
        if (l == TypeId.DATE && right.type().isIntegral() && (plus || minus)) {
            return call(plus ? Kind.DATE_PLUS_DAYS : Kind.DATE_MINUS_DAYS, LogicalType.DATE,
                    left, Coercion.cast(right, LogicalType.BIGINT, false), position);
        }
        if (left.type().isIntegral() && r == TypeId.DATE && plus) {
            return call(Kind.DATE_PLUS_DAYS, LogicalType.DATE, right, Coercion.cast(left, LogicalType.BIGINT, false),
                    position);
        }
        if (l == TypeId.DATE && r == TypeId.DATE && minus) {
            return call(Kind.DATE_MINUS_DATE, LogicalType.INTEGER, left, right, position);
        }
        if (left.type().isDateTime() && r == TypeId.INTERVAL && (plus || minus)) {
            LogicalType result = l == TypeId.TIMESTAMPTZ ? LogicalType.TIMESTAMPTZ : LogicalType.TIMESTAMP;
            return zoned(plus ? Kind.TIMESTAMP_PLUS_INTERVAL : Kind.TIMESTAMP_MINUS_INTERVAL, result,
                    Coercion.cast(left, result, false), right, position);
        }
        if (l == TypeId.INTERVAL && right.type().isDateTime() && plus) {
            LogicalType result = r == TypeId.TIMESTAMPTZ ? LogicalType.TIMESTAMPTZ : LogicalType.TIMESTAMP;
            return zoned(Kind.TIMESTAMP_PLUS_INTERVAL, result, Coercion.cast(right, result, false), left, position);
        }
        if (left.type().isDateTime() && right.type().isDateTime() && minus) {
            LogicalType common = Coercion.commonType(left.type(), right.type());
            return call(Kind.TIMESTAMP_MINUS_TIMESTAMP, LogicalType.INTERVAL, Coercion.cast(left, common, false),
                    Coercion.cast(right, common, false), position);
        }
        if (l == TypeId.INTERVAL && r == TypeId.INTERVAL && (plus || minus)) {
            return call(plus ? Kind.INTERVAL_PLUS_INTERVAL : Kind.INTERVAL_MINUS_INTERVAL, LogicalType.INTERVAL,
                    left, right, position);
        }
        if (l == TypeId.INTERVAL && right.type().isNumber()
                && (operator == ArithmeticOperator.MULTIPLY || operator == ArithmeticOperator.DIVIDE)) {
            return call(operator == ArithmeticOperator.MULTIPLY ? Kind.INTERVAL_TIMES_NUMBER
                    : Kind.INTERVAL_DIVIDED_BY_NUMBER, LogicalType.INTERVAL, left,
                    Coercion.cast(right, LogicalType.DOUBLE, false), position);
        }
        if (left.type().isNumber() && r == TypeId.INTERVAL && operator == ArithmeticOperator.MULTIPLY) {
            return call(Kind.INTERVAL_TIMES_NUMBER, LogicalType.INTERVAL, right,
                    Coercion.cast(left, LogicalType.DOUBLE, false), position);
        }
        throw Coercion.noOperator(operator.symbol(), left.type(), right.type(), position);
    }

    private static boolean temporal(LogicalType type) {
        return type.isDateTime() || type.isTimeOfDay() || type.id() == TypeId.INTERVAL;
    }

    /**
     * {@code time ± interval}, {@code timetz ± interval}, {@code time - time}, {@code date + time} and
     * {@code date + timetz} (either order for {@code +}). An untyped literal is read as an interval after
     * {@code +} and as a time after {@code time -}, as PostgreSQL's resolution picks.
     */
    private static BoundExpression bindTime(ArithmeticOperator operator, BoundExpression left, BoundExpression right,
                                            int position) {
        boolean plus = operator == ArithmeticOperator.ADD;
        boolean minus = operator == ArithmeticOperator.SUBTRACT;
        if (right.type().id() == TypeId.UNKNOWN && left.type().isTimeOfDay()) {
            right = Coercion.cast(right, minus && left.type().id() == TypeId.TIME ? LogicalType.TIME
                    : LogicalType.INTERVAL, false);
        } else if (left.type().id() == TypeId.UNKNOWN && right.type().isTimeOfDay() && plus) {
            left = Coercion.cast(left, LogicalType.INTERVAL, false);
        }
        TypeId l = left.type().id();
        TypeId r = right.type().id();
        if (plus && r == TypeId.INTERVAL && left.type().isTimeOfDay()) {
            return time(l == TypeId.TIME ? TimeArithmetic.Kind.TIME_PLUS_INTERVAL
                    : TimeArithmetic.Kind.TIMETZ_PLUS_INTERVAL, left.type(), left, right, position);
        }
        if (plus && l == TypeId.INTERVAL && right.type().isTimeOfDay()) {
            return time(r == TypeId.TIME ? TimeArithmetic.Kind.TIME_PLUS_INTERVAL
                    : TimeArithmetic.Kind.TIMETZ_PLUS_INTERVAL, right.type(), right, left, position);
        }
        if (minus && r == TypeId.INTERVAL && left.type().isTimeOfDay()) {
            return time(l == TypeId.TIME ? TimeArithmetic.Kind.TIME_MINUS_INTERVAL
                    : TimeArithmetic.Kind.TIMETZ_MINUS_INTERVAL, left.type(), left, right, position);
        }
        if (minus && l == TypeId.TIME && r == TypeId.TIME) {
            return time(TimeArithmetic.Kind.TIME_MINUS_TIME, LogicalType.INTERVAL, left, right, position);
        }
        if (plus && (l == TypeId.DATE && right.type().isTimeOfDay() || r == TypeId.DATE && left.type().isTimeOfDay())) {
            BoundExpression date = l == TypeId.DATE ? left : right;
            BoundExpression time = l == TypeId.DATE ? right : left;
            boolean zoned = time.type().id() == TypeId.TIMETZ;
            return time(zoned ? TimeArithmetic.Kind.DATE_PLUS_TIMETZ : TimeArithmetic.Kind.DATE_PLUS_TIME,
                    zoned ? LogicalType.TIMESTAMPTZ : LogicalType.TIMESTAMP, date, time, position);
        }
        throw Coercion.noOperator(operator.symbol(), left.type(), right.type(), position);
    }

    private static BoundExpression time(TimeArithmetic.Kind kind, LogicalType result, BoundExpression a,
                                        BoundExpression b, int position) {
        return new BoundExpression.Function(new TimeArithmetic(kind), List.of(a, b), result, position);
    }

    /** A timestamp ± interval; a timestamptz takes its calendar steps in the session's zone. */
    private static BoundExpression zoned(Kind kind, LogicalType result, BoundExpression a, BoundExpression b,
                                         int position) {
        java.time.ZoneId zone = result.id() == TypeId.TIMESTAMPTZ
                ? io.basalt.type.datetime.DateTimeSettings.current().zone() : null;
        return new BoundExpression.Function(new DateTimeArithmetic(kind, zone), List.of(a, b), result, position);
    }

    private static BoundExpression call(Kind kind, LogicalType result, BoundExpression a, BoundExpression b,
                                        int position) {
        return new BoundExpression.Function(new DateTimeArithmetic(kind), List.of(a, b), result, position);
    }
}
