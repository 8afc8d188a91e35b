package io.basalt.binder;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.type.LogicalType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The values of {@code $1, $2, ...} for one execution, bound as constants. Java types map to SQL types
 * as JDBC users expect; a String is untyped, like a quoted literal, so {@code date_col = $1} with
 * "2024-01-01" works. A {@link BoundExpression.Constant} (how EXECUTE passes the arguments of parameters with a
 * declared type) keeps its type.
 */
public final class Parameters {
    private final List<Object> values;
    private final long statementTimeMicros;
    /** The user-defined aggregate calls bound so far in this statement (for {@link UserAggregateSharing}). */
    final List<UserAggregateSharing.Call> userAggregateCalls = new java.util.ArrayList<>();

    /** The values of one execution; the statement's start time (what now() returns) is taken here. */
    public Parameters(List<Object> values) {
        this.values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
        java.time.Instant now = java.time.Instant.now();
        this.statementTimeMicros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
    }

    /** When the statement started, in microseconds since 1970 UTC: every now() in it returns this. */
    public long statementTimeMicros() {
        return statementTimeMicros;
    }

    /** The values as typed constants, in order: what running another statement with the same values takes. */
    public List<BoundExpression.Constant> constants() {
        List<BoundExpression.Constant> constants = new java.util.ArrayList<>();
        for (int i = 1; i <= values.size(); i++) {
            constants.add((BoundExpression.Constant) get(i, 0));
        }
        return constants;
    }

    public static Parameters none() {
        return new Parameters(List.of());
    }

    BoundExpression get(int index, int position) {
        if (index < 1 || index > values.size()) {
            throw BasaltException.at(SqlState.UNDEFINED_PARAMETER, position, "there is no parameter $" + index);
        }
        Object value = values.get(index - 1);
        return switch (value) {
            case null -> new BoundExpression.Constant(null, LogicalType.UNKNOWN, position);
            case Boolean b -> new BoundExpression.Constant(b, LogicalType.BOOLEAN, position);
            case Short s -> new BoundExpression.Constant((long) s, LogicalType.SMALLINT, position);
            case Integer i -> new BoundExpression.Constant((long) i, LogicalType.INTEGER, position);
            case Long l -> new BoundExpression.Constant(l, LogicalType.BIGINT, position);
            case Double d -> new BoundExpression.Constant(d, LogicalType.DOUBLE, position);
            case Float f -> new BoundExpression.Constant((double) f, LogicalType.DOUBLE, position);
            case BigDecimal d -> decimal(d, position);
            case String s -> new BoundExpression.Constant(s, LogicalType.UNKNOWN, position);
            case LocalDate date -> new BoundExpression.Constant(date.toEpochDay(), LogicalType.DATE, position);
            case BoundExpression.Constant constant -> new BoundExpression.Constant(constant.value(), constant.type(),
                    position);
            default -> throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "parameter $" + index + " has unsupported Java type " + value.getClass().getName());
        };
    }

    private static BoundExpression decimal(BigDecimal value, int position) {
        BigDecimal normal = value.scale() < 0 ? value.setScale(0) : value;
        int precision = Math.max(normal.precision(), normal.scale());
        if (precision <= LogicalType.MAX_LONG_DECIMAL_PRECISION) {
            return new BoundExpression.Constant(normal.unscaledValue().longValueExact(),
                    LogicalType.numeric(Math.max(precision, 1), normal.scale()), position);
        }
        return new BoundExpression.Constant(normal, LogicalType.NUMERIC, position);
    }
}
