package io.basalt.binder;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.function.aggregate.AggregateFunction;
import io.basalt.exec.function.aggregate.BitwiseAggregate;
import io.basalt.exec.function.aggregate.BooleanAggregate;
import io.basalt.exec.function.aggregate.CountAggregate;
import io.basalt.exec.function.aggregate.FloatVarianceAggregate;
import io.basalt.exec.function.aggregate.HypotheticalSetAggregate;
import io.basalt.exec.function.aggregate.MinMaxAggregate;
import io.basalt.exec.function.aggregate.ModeAggregate;
import io.basalt.exec.function.aggregate.NumericVarianceAggregate;
import io.basalt.exec.function.aggregate.PercentileAggregate;
import io.basalt.exec.function.aggregate.RegressionAggregate;
import io.basalt.exec.function.aggregate.RegressionKind;
import io.basalt.exec.function.aggregate.StringAggregate;
import io.basalt.exec.function.aggregate.SumAverageAggregate;
import io.basalt.exec.function.aggregate.VarianceKind;
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
    private static final Set<String> AGGREGATES = Set.of("count", "sum", "avg", "min", "max", "bool_and",
            "bool_or", "every", "bit_and", "bit_or", "stddev", "stddev_samp", "stddev_pop", "variance", "var_samp",
            "var_pop", "corr", "covar_pop", "covar_samp", "regr_slope", "regr_intercept", "regr_count", "regr_r2",
            "regr_avgx", "regr_avgy", "regr_sxx", "regr_syy", "regr_sxy", "string_agg", "percentile_cont",
            "percentile_disc", "mode", "array_agg", "any_value");
    private static final Set<String> ORDERED_SET_AGGREGATES = Set.of("percentile_cont", "percentile_disc", "mode");
    /** Aggregates whose result does not depend on the order of their input: ORDER BY inside them is moot. */
    private static final Set<String> ORDER_INSENSITIVE = Set.of("count", "min", "max", "bool_and", "bool_or",
            "every", "bit_and", "bit_or");

    private Functions() {
    }

    static boolean isAggregate(String name) {
        return AGGREGATES.contains(name) || JsonFunctionBinder.AGGREGATES.contains(name);
    }

    static boolean isOrderedSetAggregate(String name) {
        return ORDERED_SET_AGGREGATES.contains(name);
    }

    /** rank, dense_rank, percent_rank and cume_dist, which are aggregates when called WITHIN GROUP. */
    static boolean isHypotheticalSetAggregate(String name) {
        return name.equals("rank") || name.equals("dense_rank") || name.equals("percent_rank") || name.equals("cume_dist");
    }

    /**
     * {@code name(h) WITHIN GROUP (ORDER BY x ...)}: the hypothetical row's rank among the group's rows; h and x
     * are brought to their common type, as PostgreSQL resolves the call.
     */
    static BoundExpression.AggregateCall hypotheticalSetAggregate(String name, List<BoundExpression> direct,
                                                                 BoundExpression sorted, boolean descending,
                                                                 boolean nullsFirst, int position) {
        if (direct.size() != 1) {
            throw undefinedOrderedSet(name, direct, sorted, position);
        }
        LogicalType type = Coercion.commonType(direct.getFirst().type(), sorted.type());
        if (type == null) {
            throw BasaltException.at(SqlState.DATATYPE_MISMATCH, direct.getFirst().position(),
                    "WITHIN GROUP types " + sorted.type().displayName() + " and "
                            + direct.getFirst().type().displayName() + " cannot be matched");
        }
        if (type.id() == TypeId.VARCHAR) {
            type = LogicalType.TEXT;
        }
        HypotheticalSetAggregate.Kind kind = HypotheticalSetAggregate.Kind.valueOf(name.toUpperCase(java.util.Locale.ROOT));
        return new BoundExpression.AggregateCall(new HypotheticalSetAggregate(kind, descending, nullsFirst, type),
                Coercion.cast(sorted, type, false), List.of(Coercion.cast(direct.getFirst(), type, false)), null, position);
    }

    static boolean isOrderInsensitive(String name) {
        return ORDER_INSENSITIVE.contains(name);
    }

    /**
     * A plain (not ordered-set) aggregate over bound arguments: the function resolved with PostgreSQL's
     * argument and result types, the arguments cast to what it takes.
     */
    static BoundExpression.AggregateCall aggregate(String name, List<BoundExpression> arguments, int position) {
        if (VarianceKind.of(name) != null || name.startsWith("bool_") || name.equals("every")
                || name.startsWith("bit_")) {
            return unaryStatistic(name, arguments, position);
        }
        if (RegressionKind.of(name) != null) {
            return regression(name, arguments, position);
        }
        if (name.equals("string_agg")) {
            return stringAggregate(arguments, position);
        }
        if (JsonFunctionBinder.AGGREGATES.contains(name)) {
            return JsonFunctionBinder.aggregate(name, arguments, position);
        }
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
                if (type.id() == TypeId.INTERVAL) {
                    yield new io.basalt.exec.function.aggregate.IntervalSumAggregate(name.equals("avg"));
                }
                if (!type.isNumber()) {
                    throw undefined(name, arguments, position);
                }
                yield new SumAverageAggregate(name.equals("avg"), type);
            }
            case "min", "max" -> {
                // PostgreSQL 15 has no min/max over boolean, uuid, json or jsonb (bytea and records since 18).
                if (type.id() == TypeId.BOOLEAN || type.id() == TypeId.UUID
                        || type.id() == TypeId.JSON || type.id() == TypeId.JSONB) {
                    throw undefined(name, arguments, position);
                }
                yield new MinMaxAggregate(name.equals("max"), type.id() == TypeId.VARCHAR ? LogicalType.TEXT : type);
            }
            case "array_agg" -> new io.basalt.exec.function.aggregate.ArrayAggregate(type);
            case "any_value" -> new io.basalt.exec.function.aggregate.AnyValueAggregate(type);
            default -> throw undefined(name, arguments, position);
        };
        if (name.equals("min") || name.equals("max")) {
            argument = Coercion.cast(argument, function.argumentType(), false);
        }
        return new BoundExpression.AggregateCall(function, argument, position);
    }

    /** bool_and/bool_or/every, bit_and/bit_or and the variance family: one argument. */
    private static BoundExpression.AggregateCall unaryStatistic(String name, List<BoundExpression> arguments,
                                                               int position) {
        if (arguments.size() != 1) {
            throw undefined(name, arguments, position);
        }
        BoundExpression argument = arguments.getFirst();
        LogicalType type = argument.type();
        VarianceKind variance = VarianceKind.of(name);
        AggregateFunction function;
        if (variance != null) {
            if (type.id() == TypeId.DOUBLE || type.id() == TypeId.REAL || type.id() == TypeId.UNKNOWN) {
                function = new FloatVarianceAggregate(name, variance);
            } else if (type.isNumber()) {
                function = new NumericVarianceAggregate(name, variance, type);
            } else {
                throw undefined(name, arguments, position);
            }
        } else if (name.startsWith("bit_")) {
            if (!type.isIntegral()) {
                throw undefined(name, arguments, position);
            }
            function = new BitwiseAggregate(name.equals("bit_and"), type);
        } else {
            if (type.id() != TypeId.BOOLEAN && type.id() != TypeId.UNKNOWN) {
                throw undefined(name, arguments, position);
            }
            function = BooleanAggregate.of(name);
        }
        return new BoundExpression.AggregateCall(function, Coercion.cast(argument, function.argumentType(), false),
                position);
    }

    /** corr, covar_* and regr_*(Y, X): two arguments of any numeric type, as double precision. */
    private static BoundExpression.AggregateCall regression(String name, List<BoundExpression> arguments, int position) {
        if (arguments.size() != 2) {
            throw undefined(name, arguments, position);
        }
        List<BoundExpression> cast = new ArrayList<>();
        for (BoundExpression argument : arguments) {
            if (!argument.type().isNumber() && argument.type().id() != TypeId.UNKNOWN) {
                throw undefined(name, arguments, position);
            }
            cast.add(Coercion.cast(argument, LogicalType.DOUBLE, false));
        }
        return new BoundExpression.AggregateCall(new RegressionAggregate(RegressionKind.of(name)), cast.get(0),
                List.of(cast.get(1)), null, position);
    }

    /** string_agg(text, text) and string_agg(bytea, bytea). */
    private static BoundExpression.AggregateCall stringAggregate(List<BoundExpression> arguments, int position) {
        if (arguments.size() != 2) {
            throw undefined("string_agg", arguments, position);
        }
        TypeId value = arguments.get(0).type().id();
        TypeId delimiter = arguments.get(1).type().id();
        LogicalType type;
        if (isText(value) && isText(delimiter)) {
            type = LogicalType.TEXT;
        } else if ((value == TypeId.BYTEA || value == TypeId.UNKNOWN) && (delimiter == TypeId.BYTEA
                || delimiter == TypeId.UNKNOWN) && !(value == TypeId.UNKNOWN && delimiter == TypeId.UNKNOWN)) {
            type = LogicalType.BYTEA;
        } else {
            throw undefined("string_agg", arguments, position);
        }
        return new BoundExpression.AggregateCall(new StringAggregate(type),
                Coercion.cast(arguments.get(0), type, false), List.of(Coercion.cast(arguments.get(1), type, false)),
                null, position);
    }

    private static boolean isText(TypeId id) {
        return id == TypeId.TEXT || id == TypeId.VARCHAR || id == TypeId.CHAR || id == TypeId.UNKNOWN;
    }

    /**
     * An ordered-set aggregate {@code name(direct) WITHIN GROUP (ORDER BY sorted [DESC])}: percentile_cont
     * (double precision or interval), percentile_disc (any sortable type) and mode. The aggregated value is
     * the first argument, the fraction of the percentiles the second.
     */
    static BoundExpression.AggregateCall orderedSetAggregate(String name, List<BoundExpression> direct,
                                                            BoundExpression sorted, boolean descending,
                                                            int position) {
        int directCount = name.equals("mode") ? 0 : 1;
        if (direct.size() != directCount) {
            throw undefinedOrderedSet(name, direct, sorted, position);
        }
        LogicalType type = sorted.type();
        if (type.id() == TypeId.UNKNOWN || type.id() == TypeId.VARCHAR) {
            type = LogicalType.TEXT;
        }
        if (name.equals("percentile_cont")) {
            if (type.isNumber()) {
                type = LogicalType.DOUBLE;
            } else if (type.id() != TypeId.INTERVAL) {
                throw undefinedOrderedSet(name, direct, sorted, position);
            }
        }
        BoundExpression value = Coercion.cast(sorted, type, false);
        if (name.equals("mode")) {
            return new BoundExpression.AggregateCall(new ModeAggregate(descending, type), value, position);
        }
        LogicalType fractionType = direct.getFirst().type();
        if (fractionType.isArray() && fractionType.element().isNumber()) {
            BoundExpression fractions = Coercion.cast(direct.getFirst(), LogicalType.arrayOf(LogicalType.DOUBLE), false);
            return new BoundExpression.AggregateCall(new io.basalt.exec.function.aggregate.PercentileArrayAggregate(
                    name.equals("percentile_cont"), descending, type), value, List.of(fractions), null, position);
        }
        if (!fractionType.isNumber() && fractionType.id() != TypeId.UNKNOWN) {
            throw undefinedOrderedSet(name, direct, sorted, position);
        }
        BoundExpression fraction = Coercion.cast(direct.getFirst(), LogicalType.DOUBLE, false);
        return new BoundExpression.AggregateCall(
                new PercentileAggregate(name.equals("percentile_cont"), descending, type), value, List.of(fraction),
                null, position);
    }

    private static BasaltException undefinedOrderedSet(String name, List<BoundExpression> direct,
                                                       BoundExpression sorted, int position) {
        List<BoundExpression> all = new ArrayList<>(direct);
        all.add(sorted);
        return undefined(name, all, position);
    }

    /** A type as regtype prints it: without its modifiers ({@code character}, not {@code character(3)}). */
    private static String regtypeName(LogicalType type) {
        return type.isDomain() ? type.displayName() : type.isArray() ? regtypeName(type.element()) + "[]"
                : type.isEnum() || type.isRecord() || type.isRange() ? type.displayName() : type.id().pgName();
    }

    static BoundExpression scalar(String name, List<BoundExpression> arguments, int position) {
        if (SetReturningItems.isSetReturning(name)) {
            // reached only where SetReturningItems could not move the call into FROM
            throw ExpressionBinder.notYet("set-returning function " + name + " in this position", position);
        }
        if (name.equals(PartitionConstraints.HASH_FUNCTION)) {
            return new BoundExpression.Function(new io.basalt.exec.function.scalar.PartitionHashFunction(
                    ((Number) ((BoundExpression.Constant) arguments.get(0)).value()).longValue(),
                    ((Number) ((BoundExpression.Constant) arguments.get(1)).value()).longValue()),
                    arguments.subList(2, arguments.size()), LogicalType.BOOLEAN, position);
        }
        if (name.equals("pg_typeof") && arguments.size() == 1) {
            // PostgreSQL's regtype result prints as the type's name; the argument is never evaluated
            return new BoundExpression.Constant(regtypeName(arguments.getFirst().type()), LogicalType.TEXT, position);
        }
        BoundExpression array = ArrayFunctionBinder.bind(name, arguments, position);
        if (array != null) {
            return array;
        }
        BoundExpression rangeCall = RangeFunctionBinder.bind(name, arguments, position);
        if (rangeCall != null) {
            return rangeCall;
        }
        BoundExpression textSearchCall = TextSearchBinder.bind(name, arguments, position);
        if (textSearchCall != null) {
            return textSearchCall;
        }
        BoundExpression lsnCall = PgLsnOperators.function(name, arguments, position);
        if (lsnCall != null) {
            return lsnCall;
        }
        BoundExpression geometricCall = GeometricFunctionBinder.bind(name, arguments, position);
        if (geometricCall != null) {
            return geometricCall;
        }
        BoundExpression enumCall = EnumFunctions.bind(name, arguments, position);
        if (enumCall != null) {
            return enumCall;
        }
        BoundExpression recordCall = RecordFunctionBinder.bind(name, arguments, position);
        if (recordCall != null) {
            return recordCall;
        }
        BoundExpression json = JsonFunctionBinder.bind(name, arguments, position);
        if (json != null) {
            return json;
        }
        BoundExpression quoting = QuotingFunctions.bind(name, arguments, position);
        if (quoting != null) {
            return quoting;
        }
        BoundExpression castCall = castCall(name, arguments, position);
        if (castCall != null) {
            return castCall;
        }
        BoundExpression inputValidity = InputValidityFunctions.bindIsValid(name, arguments, position);
        if (inputValidity != null) {
            return inputValidity;
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

    /**
     * A number type's name called as a function, {@code float8(x)} or {@code int4(x)}: PostgreSQL's
     * function-style cast; also booleq and boolne, the functions behind = and <> on booleans. Null for other
     * calls.
     */
    private static BoundExpression castCall(String name, List<BoundExpression> arguments, int position) {
        if ((name.equals("booleq") || name.equals("boolne")) && arguments.size() == 2
                && arguments.get(0).type().id() == TypeId.BOOLEAN && arguments.get(1).type().id() == TypeId.BOOLEAN) {
            return ExpressionBinder.compare(name.equals("booleq") ? io.basalt.exec.kernel.CompareOp.EQ
                    : io.basalt.exec.kernel.CompareOp.NE, arguments.get(0), arguments.get(1), position);
        }
        LogicalType target = switch (name) {
            case "int2" -> LogicalType.SMALLINT;
            case "int4" -> LogicalType.INTEGER;
            case "int8" -> LogicalType.BIGINT;
            case "float4" -> LogicalType.REAL;
            case "float8" -> LogicalType.DOUBLE;
            case "numeric" -> LogicalType.NUMERIC;
            default -> null;
        };
        if (target == null || arguments.size() != 1) {
            return null;
        }
        LogicalType from = arguments.getFirst().type();
        if (!from.isNumber() && !from.isString() && from.id() != TypeId.BOOLEAN) {
            return null;
        }
        return Coercion.cast(arguments.getFirst(), target, true);
    }

    /** PostgreSQL's 42883 for a call no function matches; argument types print without modifiers, as there. */
    static BasaltException undefined(String name, List<BoundExpression> arguments, int position) {
        StringBuilder signature = new StringBuilder(name).append('(');
        for (int i = 0; i < arguments.size(); i++) {
            if (i > 0) {
                signature.append(", ");
            }
            signature.append(signatureName(arguments.get(i).type()));
        }
        signature.append(')');
        return BasaltException.at(SqlState.UNDEFINED_FUNCTION, position, "function " + signature + " does not exist")
                .withHint("No function matches the given name and argument types. You might need to add explicit type casts.");
    }

    /** A type as a function signature names it: without modifiers, an array as its element's name and "[]". */
    private static String signatureName(LogicalType type) {
        return type.id() == TypeId.ARRAY ? signatureName(type.element()) + "[]" : type.isEnum() ? type.displayName() : type.id().pgName();
    }
}
