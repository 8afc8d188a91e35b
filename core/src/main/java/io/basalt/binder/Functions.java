package io.basalt.binder;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.function.aggregate.AggregateFunction;
import io.basalt.exec.function.aggregate.CountAggregate;
import io.basalt.exec.function.aggregate.MinMaxAggregate;
import io.basalt.exec.function.aggregate.SumAverageAggregate;
import io.basalt.exec.function.scalar.ScalarFunctions;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Resolves function names and argument types to implementations, as PostgreSQL's function lookup does
 * for the functions Basalt has. Unknown names or argument types fail with 42883 and PostgreSQL's hint.
 */
final class Functions {
    private static final Set<String> AGGREGATES = Set.of("count", "sum", "avg", "min", "max", "array_agg");

    private Functions() {
    }

    static boolean isAggregate(String name) {
        return AGGREGATES.contains(name);
    }

    static BoundExpression aggregate(String name, List<BoundExpression> arguments, int position) {
        if (arguments.size() != 1) {
            throw undefined(name, arguments, position);
        }
        BoundExpression argument = arguments.getFirst();
        LogicalType type = argument.type();
        if (type.id() == TypeId.UNKNOWN) {
            argument = Coercion.cast(argument, LogicalType.TEXT, false);
            type = LogicalType.TEXT;
        }
        AggregateFunction function = switch (name) {
            case "count" -> new CountAggregate(type);
            case "sum", "avg" -> {
                if (!type.isNumber()) {
                    throw undefined(name, arguments, position);
                }
                yield new SumAverageAggregate(name.equals("avg"), type);
            }
            case "min", "max" -> {
                // PostgreSQL 15 has no min/max over boolean, uuid or bytea.
                if (type.id() == TypeId.BOOLEAN || type.id() == TypeId.UUID || type.id() == TypeId.BYTEA) {
                    throw undefined(name, arguments, position);
                }
                yield new MinMaxAggregate(name.equals("max"), type.id() == TypeId.VARCHAR ? LogicalType.TEXT : type);
            }
            case "array_agg" -> {
                // array_agg of arrays builds a multidimensional array in PostgreSQL
                if (type.isArray()) {
                    throw ExpressionBinder.notYet("array_agg of arrays", position);
                }
                yield new io.basalt.exec.function.aggregate.ArrayAggregate(type);
            }
            default -> throw undefined(name, arguments, position);
        };
        if (name.equals("min") || name.equals("max")) {
            argument = Coercion.cast(argument, function.argumentType(), false);
        }
        return new BoundExpression.AggregateCall(function, argument, position);
    }

    static BoundExpression scalar(String name, List<BoundExpression> arguments, int position) {
        if (name.equals("generate_series") || name.equals("unnest")) {
            // reached only where SetReturningItems could not move the call into FROM
            throw ExpressionBinder.notYet("set-returning function " + name + " in this position", position);
        }
        if (name.equals("pg_typeof") && arguments.size() == 1) {
            // PostgreSQL's regtype result prints as the type's name; the argument is never evaluated
            return new BoundExpression.Constant(arguments.getFirst().type().displayName(), LogicalType.TEXT, position);
        }
        BoundExpression array = ArrayFunctionBinder.bind(name, arguments, position);
        if (array != null) {
            return array;
        }
        List<LogicalType> types = new ArrayList<>();
        for (BoundExpression argument : arguments) {
            types.add(argument.type());
        }
        ScalarFunctions.Resolved resolved = ScalarFunctions.resolve(name, types);
        if (resolved == null) {
            throw undefined(name, arguments, position);
        }
        List<BoundExpression> cast = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            cast.add(Coercion.cast(arguments.get(i), resolved.argumentTypes().get(i), false));
        }
        ScalarFunction function = resolved.function();
        return new BoundExpression.Function(function, cast, resolved.resultType(), position);
    }

    static BasaltException undefined(String name, List<BoundExpression> arguments, int position) {
        StringBuilder signature = new StringBuilder(name).append('(');
        for (int i = 0; i < arguments.size(); i++) {
            if (i > 0) {
                signature.append(", ");
            }
            // Without type modifiers, as PostgreSQL writes a signature: numeric, not numeric(2,1).
            signature.append(arguments.get(i).type().id().pgName());
        }
        signature.append(')');
        return BasaltException.at(SqlState.UNDEFINED_FUNCTION, position, "function " + signature + " does not exist")
                .withHint("No function matches the given name and argument types. You might need to add explicit type casts.");
    }
}
