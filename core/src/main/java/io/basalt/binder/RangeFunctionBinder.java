package io.basalt.binder;

import io.basalt.catalog.UserType;
import io.basalt.exec.function.range.RangeFunction;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import io.basalt.type.range.RangeType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Calls of the range functions: a range type's constructor ({@code int4range(1, 5)}, {@code numrange(1, 5, '[]')},
 * or the name of a type made by CREATE TYPE ... AS RANGE), and lower, upper, isempty, lower_inc, upper_inc,
 * lower_inf, upper_inf and range_merge over a range. The bounds are brought to the range's subtype by PostgreSQL's
 * implicit casts (an untyped literal reads as the subtype).
 */
final class RangeFunctionBinder {
    private RangeFunctionBinder() {
    }

    /** The bound call, or null when {@code name} with these arguments is not a range function. */
    static BoundExpression bind(String name, List<BoundExpression> arguments, int position) {
        RangeType constructed = constructedType(name);
        if (constructed != null && (arguments.size() == 2 || arguments.size() == 3)) {
            return construct(name, constructed, arguments, position);
        }
        RangeFunction.Kind kind = switch (name) {
            case "lower" -> RangeFunction.Kind.LOWER;
            case "upper" -> RangeFunction.Kind.UPPER;
            case "isempty" -> RangeFunction.Kind.IS_EMPTY;
            case "lower_inc" -> RangeFunction.Kind.LOWER_INC;
            case "upper_inc" -> RangeFunction.Kind.UPPER_INC;
            case "lower_inf" -> RangeFunction.Kind.LOWER_INF;
            case "upper_inf" -> RangeFunction.Kind.UPPER_INF;
            case "range_merge" -> RangeFunction.Kind.MERGE;
            default -> null;
        };
        if (kind == null || arguments.isEmpty() || !arguments.getFirst().type().isRange()) {
            return null;
        }
        LogicalType range = arguments.getFirst().type();
        if (kind == RangeFunction.Kind.MERGE) {
            if (arguments.size() != 2 || !RangeOperators.sameRange(range, arguments.get(1).type())) {
                throw Functions.undefined(name, arguments, position);
            }
            return new BoundExpression.Function(new RangeFunction(kind, range.range()),
                    List.of(arguments.get(0), Coercion.cast(arguments.get(1), range, false)), range, position);
        }
        if (arguments.size() != 1) {
            throw Functions.undefined(name, arguments, position);
        }
        LogicalType result = kind == RangeFunction.Kind.LOWER || kind == RangeFunction.Kind.UPPER
                ? range.range().subtype() : LogicalType.BOOLEAN;
        return new BoundExpression.Function(new RangeFunction(kind, range.range()), arguments, result, position);
    }

    /** The range type {@code name} constructs: a built-in one or a user's, or null. */
    private static RangeType constructedType(String name) {
        RangeType builtin = RangeType.builtin(name);
        if (builtin != null) {
            return builtin;
        }
        Optional<UserType> user = UserTypeNames.find(name);
        return user.isPresent() && user.get() instanceof UserType.Range range ? range.range() : null;
    }

    private static BoundExpression construct(String name, RangeType type, List<BoundExpression> arguments,
                                             int position) {
        LogicalType subtype = type.subtype();
        List<BoundExpression> cast = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            BoundExpression bound = arguments.get(i);
            if (!RangeOperators.implicitlyCastable(bound.type(), subtype)) {
                throw Functions.undefined(name, arguments, position);
            }
            cast.add(Coercion.cast(bound, subtype, false));
        }
        if (arguments.size() == 3) {
            BoundExpression flags = arguments.get(2);
            if (!flags.type().isString()) {
                throw Functions.undefined(name, arguments, position);
            }
            cast.add(Coercion.cast(flags, LogicalType.TEXT, false));
        }
        return new BoundExpression.Function(new RangeFunction(RangeFunction.Kind.CONSTRUCT, type), cast,
                LogicalType.rangeOf(type), position);
    }

    /** Whether {@code type} is a range or an untyped literal that can read as one. */
    static boolean rangeOrUnknown(LogicalType type) {
        return type.isRange() || type.id() == TypeId.UNKNOWN;
    }
}
