package io.basalt.binder;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.function.set.SeriesFunction;
import io.basalt.exec.operator.scan.SeriesSource;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.logical.LogicalPlan;
import io.basalt.planner.ConstantEvaluator;
import io.basalt.sql.ast.Expression;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code generate_series(start, stop [, step [, zone]])} in FROM, resolved among PostgreSQL's variants the way its function
 * resolution picks them: integer, bigint or numeric (the widest argument type; unknown literals count as
 * integer), or timestamp / timestamp with time zone with an interval step (a date or unknown start counts as
 * timestamp with time zone; a timestamptz series steps in the session zone or the zone given).
 */
final class GenerateSeriesBinder {
    private GenerateSeriesBinder() {
    }

    static boolean handles(Expression.FunctionCall call) {
        List<String> parts = call.name().parts();
        return call.name().last().equals("generate_series")
                && (parts.size() == 1 || parts.size() == 2 && parts.getFirst().equals("pg_catalog"));
    }

    /**
     * The series: with constant arguments a scan of a {@link SeriesSource} over their values; with arguments that
     * read an earlier FROM item's row ({@code binder} resolves them as LATERAL references), a
     * {@link LogicalPlan.FunctionScan} that builds the source when it runs.
     */
    static LogicalPlan bind(Expression.FunctionCall call, ExpressionBinder binder) {
        List<BoundExpression> arguments = new ArrayList<>();
        for (Expression argument : call.arguments()) {
            arguments.add(binder.bind(argument));
        }
        LogicalType type = resultType(arguments);
        if (type == null || call.distinct() || call.star()) {
            List<String> names = new ArrayList<>();
            for (BoundExpression argument : arguments) {
                names.add(argument.type().displayName());
            }
            throw BasaltException.at(SqlState.UNDEFINED_FUNCTION, call.position(),
                            "function generate_series(" + String.join(", ", names) + ") does not exist")
                    .withHint("No function matches the given name and argument types. You might need to add explicit"
                            + " type casts.");
        }
        boolean temporal = type.id() == TypeId.TIMESTAMP || type.id() == TypeId.TIMESTAMPTZ;
        Object defaultStep = type.id() == TypeId.NUMERIC ? BigDecimal.ONE : (Object) 1L;
        List<BoundExpression> cast = new ArrayList<>();
        boolean constant = true;
        for (int i = 0; i < arguments.size(); i++) {
            LogicalType argumentType = i == 3 ? LogicalType.TEXT : i == 2 && temporal ? LogicalType.INTERVAL : type;
            cast.add(Coercion.cast(arguments.get(i), argumentType, false));
            constant &= ConstantEvaluator.isConstant(cast.get(i));
        }
        if (!constant) {
            java.time.ZoneId sessionZone = type.id() == TypeId.TIMESTAMPTZ
                    ? io.basalt.type.datetime.DateTimeSettings.current().zone() : null;
            return new LogicalPlan.FunctionScan(new SeriesFunction(type, defaultStep, sessionZone), cast,
                    List.of(type));
        }
        Object start = evaluate(arguments.get(0), type);
        Object stop = evaluate(arguments.get(1), type);
        Object step = arguments.size() >= 3 ? evaluate(arguments.get(2), temporal ? LogicalType.INTERVAL : type)
                : defaultStep;
        java.time.ZoneId zone = null;
        if (type.id() == TypeId.TIMESTAMPTZ) {
            zone = io.basalt.type.datetime.DateTimeSettings.current().zone();
            if (arguments.size() == 4) {
                String name = (String) evaluate(arguments.get(3), LogicalType.TEXT);
                if (name == null) {
                    start = null; // a NULL zone, like any NULL argument, gives no rows
                } else {
                    zone = io.basalt.type.datetime.TimeZoneNames.resolve(name);
                }
            }
        }
        SeriesSource source = new SeriesSource(type, start, stop, step, zone);
        return new LogicalPlan.Scan(source, new int[] {0}, List.of(type));
    }

    /** The variant's element type, or null when no variant takes these arguments. */
    private static LogicalType resultType(List<BoundExpression> arguments) {
        if (arguments.size() < 2 || arguments.size() > 4) {
            return null;
        }
        TypeId first = arguments.get(0).type().id();
        TypeId second = arguments.get(1).type().id();
        if (arguments.size() == 4) {
            // generate_series(timestamptz, timestamptz, interval, zone), PostgreSQL 16's variant.
            LogicalType zone = arguments.get(3).type();
            boolean fits = resultType(arguments.subList(0, 3)) != null && (zone.isString());
            return fits && first != TypeId.TIMESTAMP && second != TypeId.TIMESTAMP
                    && (isTemporal(first) || isTemporal(second)) ? LogicalType.TIMESTAMPTZ : null;
        }
        if (arguments.size() == 3 && (arguments.get(2).type().id() == TypeId.INTERVAL
                || arguments.get(2).type().id() == TypeId.UNKNOWN && (isTemporal(first) || isTemporal(second)))) {
            if (!(isTemporal(first) || first == TypeId.UNKNOWN) || !(isTemporal(second) || second == TypeId.UNKNOWN)) {
                return null;
            }
            boolean plain = (first == TypeId.TIMESTAMP || second == TypeId.TIMESTAMP)
                    && first != TypeId.TIMESTAMPTZ && second != TypeId.TIMESTAMPTZ && first != TypeId.DATE
                    && second != TypeId.DATE;
            return plain ? LogicalType.TIMESTAMP : LogicalType.TIMESTAMPTZ;
        }
        LogicalType widest = LogicalType.INTEGER;
        for (BoundExpression argument : arguments) {
            switch (argument.type().id()) {
                case SMALLINT, INTEGER, UNKNOWN -> {
                }
                case BIGINT -> {
                    if (widest.id() == TypeId.INTEGER) {
                        widest = LogicalType.BIGINT;
                    }
                }
                case NUMERIC -> widest = LogicalType.NUMERIC;
                default -> {
                    return null;
                }
            }
        }
        return widest;
    }

    private static boolean isTemporal(TypeId type) {
        return type == TypeId.DATE || type == TypeId.TIMESTAMP || type == TypeId.TIMESTAMPTZ;
    }

    private static Object evaluate(BoundExpression argument, LogicalType type) {
        BoundExpression cast = Coercion.cast(argument, type, false);
        return ConstantEvaluator.evaluate(cast);
    }
}
