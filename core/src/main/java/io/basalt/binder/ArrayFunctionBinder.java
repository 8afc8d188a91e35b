package io.basalt.binder;

import io.basalt.exec.function.array.ArrayConcatFunction;
import io.basalt.exec.function.array.ArrayFillFunction;
import io.basalt.exec.function.array.ArrayItemsFunction;
import io.basalt.exec.function.array.ArrayWidthBucketFunction;
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
            case "array_fill" -> n == 2 || n == 3 ? fill(arguments, position) : null;
            case "width_bucket" -> n == 2 ? widthBucket(arguments, position) : null;
            case "trim_array" -> n == 2 ? items(ArrayItemsFunction.Kind.TRIM, arguments, position) : null;
            case "array_reverse" -> n == 1 ? items(ArrayItemsFunction.Kind.REVERSE, arguments, position) : null;
            case "array_shuffle" -> n == 1 ? items(ArrayItemsFunction.Kind.SHUFFLE, arguments, position) : null;
            case "array_sample" -> n == 2 ? items(ArrayItemsFunction.Kind.SAMPLE, arguments, position) : null;
            case "array_sort" -> n >= 1 && n <= 3 ? items(ArrayItemsFunction.Kind.SORT, arguments, position) : null;
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

    /** array_fill(anyelement, integer[] [, integer[]]). */
    private static BoundExpression fill(List<BoundExpression> arguments, int position) {
        BoundExpression value = arguments.getFirst();
        if (value.type().id() == TypeId.UNKNOWN) {
            throw ArrayExpressions.undeterminedPolymorphic(position);
        }
        if (value.type().isArray()) {
            return null;
        }
        LogicalType integers = LogicalType.arrayOf(LogicalType.INTEGER);
        List<BoundExpression> cast = new ArrayList<>();
        cast.add(value);
        for (BoundExpression bound : arguments.subList(1, arguments.size())) {
            if (bound.type().id() != TypeId.UNKNOWN && !bound.type().equals(integers)) {
                return null;
            }
            cast.add(Coercion.cast(bound, integers, false));
        }
        return new BoundExpression.Function(new ArrayFillFunction(), cast,
                LogicalType.arrayOf(ArrayExpressions.withoutModifiers(value.type())), position);
    }

    /** width_bucket(anycompatible, anycompatiblearray). */
    private static BoundExpression widthBucket(List<BoundExpression> arguments, int position) {
        BoundExpression thresholds = arguments.get(1);
        if (!thresholds.type().isArray() && thresholds.type().id() != TypeId.UNKNOWN) {
            return null;
        }
        LogicalType element = ArrayExpressions.commonElement(List.of(thresholds), List.of(), List.of(arguments.get(0)));
        if (element == null) {
            return null;
        }
        return new BoundExpression.Function(new ArrayWidthBucketFunction(),
                List.of(Coercion.cast(arguments.get(0), element, false),
                        Coercion.cast(thresholds, LogicalType.arrayOf(element), false)),
                LogicalType.INTEGER, position);
    }

    /** trim_array(a, int), array_reverse(a), array_shuffle(a), array_sample(a, int), array_sort(a [, bool [, bool]]). */
    private static BoundExpression items(ArrayItemsFunction.Kind kind, List<BoundExpression> arguments, int position) {
        BoundExpression array = arguments.getFirst();
        if (array.type().id() == TypeId.UNKNOWN) {
            throw ArrayExpressions.undeterminedPolymorphic(position);
        }
        if (!array.type().isArray()) {
            return null;
        }
        List<BoundExpression> cast = new ArrayList<>();
        cast.add(array);
        for (BoundExpression argument : arguments.subList(1, arguments.size())) {
            if (kind == ArrayItemsFunction.Kind.SORT) {
                if (argument.type().id() != TypeId.UNKNOWN && argument.type().id() != TypeId.BOOLEAN) {
                    return null;
                }
                cast.add(Coercion.cast(argument, LogicalType.BOOLEAN, false));
            } else {
                BoundExpression count = integer(argument);
                if (count == null) {
                    return null;
                }
                cast.add(count);
            }
        }
        return new BoundExpression.Function(new ArrayItemsFunction(kind), cast, array.type(), position);
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
