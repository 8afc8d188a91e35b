package io.basalt.binder;

import io.basalt.exec.function.array.ArrayConcatFunction;
import io.basalt.exec.function.array.ArraySearchFunction;
import io.basalt.exec.function.array.ArrayShapeFunction;
import io.basalt.exec.function.array.ArrayTextFunction;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import java.util.ArrayList;
import java.util.List;

/**
 * Resolves calls of the array functions (array_length, cardinality, array_lower/upper/ndims/dims,
 * array_append/prepend/cat, array_position(s), array_remove, array_replace, array_to_string,
 * string_to_array) with PostgreSQL's polymorphic typing: the array and element arguments share one element
 * type (anycompatible), untyped literals take it. Returns null when the name is not one of these or the
 * arguments do not fit, so that the caller reports the missing function.
 */
final class ArrayFunctionBinder {
    private ArrayFunctionBinder() {
    }

    static BoundExpression bind(String name, List<BoundExpression> arguments, int position) {
        int n = arguments.size();
        return switch (name) {
            case "array_length" -> n == 2 ? shape(ArrayShapeFunction.Kind.LENGTH, arguments, position) : null;
            case "array_lower" -> n == 2 ? shape(ArrayShapeFunction.Kind.LOWER, arguments, position) : null;
            case "array_upper" -> n == 2 ? shape(ArrayShapeFunction.Kind.UPPER, arguments, position) : null;
            case "cardinality" -> n == 1 ? shape(ArrayShapeFunction.Kind.CARDINALITY, arguments, position) : null;
            case "array_ndims" -> n == 1 ? shape(ArrayShapeFunction.Kind.NDIMS, arguments, position) : null;
            case "array_dims" -> n == 1 ? shape(ArrayShapeFunction.Kind.DIMS, arguments, position) : null;
            case "array_append" -> n == 2 ? ArrayExpressions.concat(ArrayConcatFunction.Kind.APPEND,
                    arguments.get(0), arguments.get(1), name, position) : null;
            case "array_prepend" -> n == 2 ? ArrayExpressions.concat(ArrayConcatFunction.Kind.PREPEND,
                    arguments.get(0), arguments.get(1), name, position) : null;
            case "array_cat" -> n == 2 ? ArrayExpressions.concat(ArrayConcatFunction.Kind.CAT,
                    arguments.get(0), arguments.get(1), name, position) : null;
            case "array_position" -> n == 2 || n == 3 ? search(ArraySearchFunction.Kind.POSITION, arguments, position) : null;
            case "array_positions" -> n == 2 ? search(ArraySearchFunction.Kind.POSITIONS, arguments, position) : null;
            case "array_remove" -> n == 2 ? search(ArraySearchFunction.Kind.REMOVE, arguments, position) : null;
            case "array_replace" -> n == 3 ? search(ArraySearchFunction.Kind.REPLACE, arguments, position) : null;
            case "array_to_string" -> n == 2 || n == 3 ? arrayToString(arguments, position) : null;
            case "string_to_array" -> n == 2 || n == 3 ? stringToArray(arguments, position) : null;
            default -> null;
        };
    }

    private static BoundExpression shape(ArrayShapeFunction.Kind kind, List<BoundExpression> arguments, int position) {
        BoundExpression array = arguments.getFirst();
        if (array.type().id() == TypeId.UNKNOWN) {
            throw ArrayExpressions.undeterminedPolymorphic(position);
        }
        if (!array.type().isArray()) {
            return null;
        }
        List<BoundExpression> cast = new ArrayList<>();
        cast.add(array);
        if (kind.takesDimension()) {
            BoundExpression dimension = integer(arguments.get(1));
            if (dimension == null) {
                return null;
            }
            cast.add(dimension);
        }
        LogicalType result = kind == ArrayShapeFunction.Kind.DIMS ? LogicalType.TEXT : LogicalType.INTEGER;
        return new BoundExpression.Function(new ArrayShapeFunction(kind), cast, result, position);
    }

    private static BoundExpression search(ArraySearchFunction.Kind kind, List<BoundExpression> arguments, int position) {
        BoundExpression array = arguments.getFirst();
        List<BoundExpression> values = kind == ArraySearchFunction.Kind.REPLACE
                ? arguments.subList(1, 3) : arguments.subList(1, 2);
        LogicalType element = ArrayExpressions.commonElement(List.of(array), List.of(), values);
        if (element == null || !array.type().isArray() && array.type().id() != TypeId.UNKNOWN) {
            return null;
        }
        List<BoundExpression> cast = new ArrayList<>();
        cast.add(Coercion.cast(array, LogicalType.arrayOf(element), false));
        for (BoundExpression value : values) {
            cast.add(Coercion.cast(value, element, false));
        }
        if (kind == ArraySearchFunction.Kind.POSITION && arguments.size() == 3) {
            BoundExpression start = integer(arguments.get(2));
            if (start == null) {
                return null;
            }
            cast.add(start);
        }
        LogicalType result = switch (kind) {
            case POSITION -> LogicalType.INTEGER;
            case POSITIONS -> LogicalType.arrayOf(LogicalType.INTEGER);
            case REMOVE, REPLACE -> LogicalType.arrayOf(element);
        };
        return new BoundExpression.Function(new ArraySearchFunction(kind), cast, result, position);
    }

    private static BoundExpression arrayToString(List<BoundExpression> arguments, int position) {
        BoundExpression array = arguments.getFirst();
        if (array.type().id() == TypeId.UNKNOWN) {
            throw ArrayExpressions.undeterminedPolymorphic(position);
        }
        if (!array.type().isArray()) {
            return null;
        }
        List<BoundExpression> cast = new ArrayList<>();
        cast.add(array);
        if (!texts(arguments.subList(1, arguments.size()), cast)) {
            return null;
        }
        return new BoundExpression.Function(ArrayTextFunction.arrayToString(), cast, LogicalType.TEXT, position);
    }

    private static BoundExpression stringToArray(List<BoundExpression> arguments, int position) {
        List<BoundExpression> cast = new ArrayList<>();
        if (!texts(arguments, cast)) {
            return null;
        }
        return new BoundExpression.Function(ArrayTextFunction.stringToArray(), cast,
                LogicalType.arrayOf(LogicalType.TEXT), position);
    }

    /** Adds the arguments cast to text to {@code out}; false when one is not a string. */
    private static boolean texts(List<BoundExpression> arguments, List<BoundExpression> out) {
        for (BoundExpression argument : arguments) {
            if (!argument.type().isString()) {
                return false;
            }
            out.add(Coercion.cast(argument, LogicalType.TEXT, false));
        }
        return true;
    }

    private static BoundExpression integer(BoundExpression argument) {
        if (argument.type().id() != TypeId.UNKNOWN && !argument.type().isIntegral()) {
            return null;
        }
        return Coercion.cast(argument, LogicalType.INTEGER, false);
    }
}
