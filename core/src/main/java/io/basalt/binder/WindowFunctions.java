package io.basalt.binder;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.function.aggregate.CountAggregate;
import io.basalt.exec.function.window.WindowFunction;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Resolves a function called with OVER to a {@link WindowFunction} and its arguments cast to what it takes,
 * with PostgreSQL's signatures: row_number, rank, dense_rank (bigint), percent_rank, cume_dist (double
 * precision) without arguments; ntile(integer) integer; lag/lead(value [, offset integer [, default]]) whose
 * value and default meet at a common type (the offset defaults to 1, the default to NULL); first_value,
 * last_value(value) and nth_value(value, integer); and every aggregate (see {@link Functions}).
 */
final class WindowFunctions {
    private static final Set<String> WINDOW_ONLY = Set.of("row_number", "rank", "dense_rank", "percent_rank",
            "cume_dist", "ntile", "lag", "lead", "first_value", "last_value", "nth_value");

    /** A resolved call: the function and its arguments, in the order the window operator reads them. */
    record Resolved(WindowFunction function, List<BoundExpression> arguments) {
    }

    private WindowFunctions() {
    }

    /** Whether {@code name} is a window function that is not an aggregate (it needs OVER). */
    static boolean isWindowOnly(String name) {
        return WINDOW_ONLY.contains(name);
    }

    static Resolved resolve(String name, boolean star, List<BoundExpression> arguments, int position) {
        if (!WINDOW_ONLY.contains(name)) {
            if (!Functions.isAggregate(name)) {
                throw BasaltException.at(SqlState.WRONG_OBJECT_TYPE, position,
                        "OVER specified, but " + name + " is not a window function nor an aggregate function");
            }
            if (star) {
                if (!name.equals("count")) {
                    throw BasaltException.at(SqlState.WRONG_OBJECT_TYPE, position,
                            name + "(*) specified, but " + name + " is not an aggregate function without arguments");
                }
                return new Resolved(WindowFunction.aggregate(CountAggregate.star()), List.of());
            }
            BoundExpression.AggregateCall call = (BoundExpression.AggregateCall) Functions.aggregate(name, arguments,
                    position);
            if (!call.extraArguments().isEmpty()) {
                // the window evaluator feeds an aggregate one argument column (string_agg, corr, regr_* take two)
                throw BasaltException.at(SqlState.FEATURE_NOT_SUPPORTED, position,
                        name + " with more than one argument as a window function is not supported yet");
            }
            return new Resolved(WindowFunction.aggregate(call.function()), List.of(call.argument()));
        }
        if (star) {
            throw undefined(name, arguments, position);
        }
        return switch (name) {
            case "row_number", "rank", "dense_rank" -> ranking(name, arguments, LogicalType.BIGINT, position);
            case "percent_rank", "cume_dist" -> ranking(name, arguments, LogicalType.DOUBLE, position);
            case "ntile" -> {
                if (arguments.size() != 1 || !isInteger(arguments.getFirst())) {
                    throw undefined(name, arguments, position);
                }
                yield new Resolved(WindowFunction.of(WindowFunction.Kind.NTILE, LogicalType.INTEGER),
                        List.of(Coercion.cast(arguments.getFirst(), LogicalType.INTEGER, false)));
            }
            case "lag", "lead" -> offset(name, arguments, position);
            case "first_value", "last_value" -> {
                if (arguments.size() != 1) {
                    throw undefined(name, arguments, position);
                }
                BoundExpression value = concrete(arguments.getFirst(), position);
                WindowFunction.Kind kind = name.equals("first_value") ? WindowFunction.Kind.FIRST_VALUE
                        : WindowFunction.Kind.LAST_VALUE;
                yield new Resolved(WindowFunction.of(kind, value.type()), List.of(value));
            }
            default -> {
                if (arguments.size() != 2 || !isInteger(arguments.get(1))) {
                    throw undefined(name, arguments, position);
                }
                BoundExpression value = concrete(arguments.getFirst(), position);
                yield new Resolved(WindowFunction.of(WindowFunction.Kind.NTH_VALUE, value.type()),
                        List.of(value, Coercion.cast(arguments.get(1), LogicalType.INTEGER, false)));
            }
        };
    }

    private static Resolved ranking(String name, List<BoundExpression> arguments, LogicalType type, int position) {
        if (!arguments.isEmpty()) {
            throw undefined(name, arguments, position);
        }
        WindowFunction.Kind kind = WindowFunction.Kind.valueOf(name.toUpperCase(java.util.Locale.ROOT));
        return new Resolved(WindowFunction.of(kind, type), List.of());
    }

    /** lag and lead: value, offset (1 when absent), default (NULL when absent), value and default unified. */
    private static Resolved offset(String name, List<BoundExpression> arguments, int position) {
        if (arguments.isEmpty() || arguments.size() > 3 || (arguments.size() >= 2 && !isInteger(arguments.get(1)))) {
            throw undefined(name, arguments, position);
        }
        BoundExpression value = arguments.getFirst();
        BoundExpression offset = arguments.size() >= 2 ? Coercion.cast(arguments.get(1), LogicalType.INTEGER, false)
                : new BoundExpression.Constant(1L, LogicalType.INTEGER, position);
        LogicalType type;
        BoundExpression fallback;
        if (arguments.size() == 3) {
            fallback = arguments.get(2);
            if (value.type().id() != TypeId.UNKNOWN && fallback.type().id() != TypeId.UNKNOWN
                    && Coercion.commonType(value.type(), fallback.type()) == null) {
                throw undefined(name, arguments, position);
            }
            if (value.type().id() == TypeId.UNKNOWN && fallback.type().id() == TypeId.UNKNOWN) {
                throw unknownPolymorphic(position);
            }
            type = ExpressionBinder.unify(List.of(value, fallback), name);
        } else {
            type = concrete(value, position).type();
            fallback = new BoundExpression.Constant(null, type, position);
        }
        WindowFunction.Kind kind = name.equals("lag") ? WindowFunction.Kind.LAG : WindowFunction.Kind.LEAD;
        return new Resolved(WindowFunction.of(kind, type), List.of(Coercion.cast(value, type, false), offset,
                Coercion.cast(fallback, type, false)));
    }

    private static boolean isInteger(BoundExpression argument) {
        TypeId id = argument.type().id();
        return id == TypeId.INTEGER || id == TypeId.SMALLINT || id == TypeId.UNKNOWN;
    }

    /** The value argument of a polymorphic window function, which must have a type. */
    private static BoundExpression concrete(BoundExpression argument, int position) {
        if (argument.type().id() == TypeId.UNKNOWN) {
            throw unknownPolymorphic(position);
        }
        return argument;
    }

    private static BasaltException unknownPolymorphic(int position) {
        // PostgreSQL reports this one without a position.
        return BasaltException.of(SqlState.DATATYPE_MISMATCH,
                "could not determine polymorphic type because input has type unknown");
    }

    private static BasaltException undefined(String name, List<BoundExpression> arguments, int position) {
        List<String> types = new ArrayList<>();
        for (BoundExpression argument : arguments) {
            types.add(argument.type().displayName());
        }
        return BasaltException.at(SqlState.UNDEFINED_FUNCTION, position,
                        "function " + name + "(" + String.join(", ", types) + ") does not exist")
                .withHint("No function matches the given name and argument types. You might need to add explicit type casts.");
    }
}
