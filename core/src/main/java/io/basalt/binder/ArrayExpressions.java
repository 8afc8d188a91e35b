package io.basalt.binder;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.function.array.ArrayConcatFunction;
import io.basalt.exec.function.array.ArrayConstructFunction;
import io.basalt.exec.function.array.ArrayContainment;
import io.basalt.exec.function.array.ArrayQuantifiedComparison;
import io.basalt.exec.function.array.ArrayQuantifiedLike;
import io.basalt.exec.function.array.ArraySubscriptFunction;
import io.basalt.exec.kernel.CompareOp;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.type.ArrayValue;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds the array syntax: {@code ARRAY[...]} constructors (elements unified as PostgreSQL unifies them,
 * constant ones folded into a constant), subscripts and slices, {@code x op ANY|ALL (array)}, and the
 * operators {@code ||}, {@code @>}, {@code <@} and {@code &&} on arrays. Untyped literals beside an array
 * are read as that array type (or its element type where an element is expected), as PostgreSQL resolves
 * its polymorphic operators.
 */
final class ArrayExpressions {
    private ArrayExpressions() {
    }

    /** {@code ARRAY[e1, ...]} over bound elements; fails for an empty list (the caller handles a cast one). */
    static BoundExpression constructor(List<BoundExpression> elements, int position) {
        if (elements.isEmpty()) {
            throw BasaltException.at(SqlState.INDETERMINATE_DATATYPE, position, "cannot determine type of empty array")
                    .withHint("Explicitly cast to the desired type, for example ARRAY[]::integer[].");
        }
        for (BoundExpression element : elements) {
            if (element.type().isArray()) {
                return stacked(elements, position);
            }
        }
        LogicalType type = withoutModifiers(ExpressionBinder.unify(elements, "ARRAY"));
        List<BoundExpression> cast = new ArrayList<>(elements.size());
        boolean constant = true;
        for (BoundExpression element : elements) {
            BoundExpression converted = Coercion.cast(element, type, false);
            constant &= converted instanceof BoundExpression.Constant;
            cast.add(converted);
        }
        LogicalType arrayType = LogicalType.arrayOf(type);
        if (constant) {
            List<Object> values = new ArrayList<>(cast.size());
            for (BoundExpression element : cast) {
                values.add(((BoundExpression.Constant) element).value());
            }
            return new BoundExpression.Constant(ArrayValue.of(values), arrayType, position);
        }
        return new BoundExpression.Function(new ArrayConstructFunction(), cast, arrayType, position);
    }

    /**
     * {@code ARRAY[a1, a2, ...]} over arrays: a multidimensional array. The sub-arrays' element types are
     * unified as scalar elements are (untyped literals read as the common array type); constant sub-arrays
     * fold into a constant.
     */
    private static BoundExpression stacked(List<BoundExpression> subarrays, int position) {
        LogicalType element = null;
        for (BoundExpression subarray : subarrays) {
            LogicalType type = subarray.type();
            if (type.id() == TypeId.UNKNOWN) {
                continue;
            }
            if (!type.isArray()) {
                throw BasaltException.at(SqlState.DATATYPE_MISMATCH, subarray.position(),
                        "ARRAY types " + subarrays.getFirst().type().displayName() + " and " + type.displayName()
                                + " cannot be matched");
            }
            LogicalType next = element == null ? type.element() : Coercion.commonType(element, type.element());
            if (next == null) {
                throw BasaltException.at(SqlState.DATATYPE_MISMATCH, subarray.position(), "ARRAY types "
                        + LogicalType.arrayOf(element).displayName() + " and " + type.displayName() + " cannot be matched");
            }
            element = next;
        }
        LogicalType arrayType = LogicalType.arrayOf(withoutModifiers(element));
        List<BoundExpression> cast = new ArrayList<>(subarrays.size());
        boolean constant = true;
        for (BoundExpression subarray : subarrays) {
            BoundExpression converted = Coercion.cast(subarray, arrayType, false);
            constant &= converted instanceof BoundExpression.Constant;
            cast.add(converted);
        }
        if (constant) {
            List<ArrayValue> values = new ArrayList<>(cast.size());
            for (BoundExpression subarray : cast) {
                values.add((ArrayValue) ((BoundExpression.Constant) subarray).value());
            }
            return new BoundExpression.Constant(ArrayValue.stack(values), arrayType, position);
        }
        return new BoundExpression.Function(new ArrayConstructFunction(true), cast, arrayType, position);
    }

    /** {@code ARRAY[]::t[]}: an empty array of the cast's type. */
    static BoundExpression emptyArray(LogicalType type, int position) {
        if (!type.isArray()) {
            throw BasaltException.at(SqlState.CANNOT_COERCE, position, "cannot cast type text[] to " + type.displayName());
        }
        return new BoundExpression.Constant(ArrayValue.of(List.of()), type, position);
    }

    /**
     * A chain of subscripts {@code a[s1][s2]...}: {@code lowers}/{@code uppers} per subscript (an upper only
     * for slices; either may be null in a slice), {@code slices} saying which were written with a colon. When
     * any is a slice all are, a plain {@code [k]} then meaning {@code [1:k]}, as in PostgreSQL.
     */
    static BoundExpression subscript(BoundExpression array, List<BoundExpression> lowers, List<BoundExpression> uppers,
                                     List<Boolean> slices, int position) {
        if (array.type().id() == TypeId.JSONB) {
            return JsonbSubscripts.read(array, lowers, uppers, slices, position);
        }
        if ((array.type().id() == TypeId.POINT || array.type().id() == TypeId.BOX || array.type().id() == TypeId.LSEG)
                && lowers.size() == 1) {
            return GeometricOperators.subscript(array, lowers.getFirst(), slices.contains(true), position);
        }
        if (!array.type().isArray()) {
            throw BasaltException.at(SqlState.DATATYPE_MISMATCH, position, "cannot subscript type "
                    + array.type().displayName() + " because it does not support subscripting");
        }
        if (lowers.size() > ArrayValue.MAX_DIMENSIONS) {
            throw BasaltException.of(SqlState.PROGRAM_LIMIT_EXCEEDED, "number of array dimensions (" + lowers.size()
                    + ") exceeds the maximum allowed (" + ArrayValue.MAX_DIMENSIONS + ")");
        }
        boolean slice = slices.contains(true);
        List<BoundExpression> arguments = new ArrayList<>();
        arguments.add(array);
        List<Boolean> lowerPresent = new ArrayList<>();
        List<Boolean> upperPresent = new ArrayList<>();
        for (int s = 0; s < lowers.size(); s++) {
            BoundExpression lower = lowers.get(s);
            BoundExpression upper = uppers.get(s);
            if (slice && !slices.get(s)) {
                upper = lower;
                lower = new BoundExpression.Constant(1L, LogicalType.INTEGER, position);
            }
            lowerPresent.add(lower != null);
            upperPresent.add(upper != null);
            if (lower != null) {
                arguments.add(subscriptValue(lower));
            }
            if (upper != null) {
                arguments.add(subscriptValue(upper));
            }
        }
        if (!slice) {
            return new BoundExpression.Function(ArraySubscriptFunction.element(lowers.size()), arguments,
                    array.type().element(), position);
        }
        return new BoundExpression.Function(new ArraySubscriptFunction(true, lowerPresent, upperPresent), arguments,
                array.type(), position);
    }

    static BoundExpression subscriptValue(BoundExpression index) {
        TypeId id = index.type().id();
        if (id != TypeId.UNKNOWN && !index.type().isNumber()) {
            throw BasaltException.at(SqlState.DATATYPE_MISMATCH, index.position(), "array subscript must have type integer");
        }
        return Coercion.cast(index, LogicalType.INTEGER, false);
    }

    /** {@code value op ANY|ALL (array)}. */
    static BoundExpression quantified(CompareOp operator, boolean all, BoundExpression value, BoundExpression array,
                                      int position) {
        if (array.type().id() == TypeId.UNKNOWN) {
            LogicalType element = value.type().id() == TypeId.UNKNOWN ? LogicalType.TEXT : value.type();
            array = Coercion.cast(array, LogicalType.arrayOf(element), false);
        }
        if (!array.type().isArray()) {
            throw BasaltException.at(SqlState.WRONG_OBJECT_TYPE, position, "op ANY/ALL (array) requires array on right side");
        }
        LogicalType element = Coercion.commonType(value.type(), array.type().element());
        if (element == null) {
            throw Coercion.noOperator(operator.symbol(), value.type(), array.type().element(), position);
        }
        return new BoundExpression.Function(new ArrayQuantifiedComparison(operator, all),
                List.of(Coercion.cast(value, element, false), Coercion.cast(array, LogicalType.arrayOf(element), false)),
                LogicalType.BOOLEAN, position);
    }

    /** {@code value [NOT] LIKE|ILIKE ANY|ALL (array)}: {@code operator} is ~~, !~~, ~~* or !~~*, over text. */
    static BoundExpression quantifiedLike(String operator, boolean all, BoundExpression value, BoundExpression array,
                                          int position) {
        LogicalType textArray = LogicalType.arrayOf(LogicalType.TEXT);
        if (array.type().id() == TypeId.UNKNOWN) {
            array = Coercion.cast(array, textArray, false);
        }
        if (!array.type().isArray()) {
            throw BasaltException.at(SqlState.WRONG_OBJECT_TYPE, position, "op ANY/ALL (array) requires array on right side");
        }
        if (!value.type().isString() || !array.type().element().isString()) {
            throw Coercion.noOperator(operator, value.type(), array.type().element(), position);
        }
        return new BoundExpression.Function(new ArrayQuantifiedLike(operator.startsWith("!"), operator.endsWith("*"), all),
                List.of(Coercion.cast(value, LogicalType.TEXT, false), Coercion.cast(array, textArray, false)),
                LogicalType.BOOLEAN, position);
    }

    /**
     * {@code left op right} for {@code ||}, {@code @>}, {@code <@}, {@code &&} when a side is an array; null
     * when neither side is one (the operator means something else).
     */
    static BoundExpression operator(String operator, BoundExpression left, BoundExpression right, int position) {
        if (!left.type().isArray() && !right.type().isArray()) {
            return null;
        }
        if (operator.equals("||")) {
            return concatenate(left, right, position);
        }
        ArrayContainment.Kind kind = switch (operator) {
            case "@>" -> ArrayContainment.Kind.CONTAINS;
            case "<@" -> ArrayContainment.Kind.CONTAINED_BY;
            case "&&" -> ArrayContainment.Kind.OVERLAPS;
            default -> null;
        };
        if (kind == null) {
            return null;
        }
        LogicalType common = Coercion.commonType(left.type(), right.type());
        if (common == null || !common.isArray()) {
            throw Coercion.noOperator(operator, left.type(), right.type(), position);
        }
        return new BoundExpression.Function(new ArrayContainment(kind),
                List.of(Coercion.cast(left, common, false), Coercion.cast(right, common, false)), LogicalType.BOOLEAN,
                position);
    }

    /** {@code ||} with an array on at least one side: array_cat, array_append or array_prepend. */
    static BoundExpression concatenate(BoundExpression left, BoundExpression right, int position) {
        boolean leftArray = left.type().isArray() || left.type().id() == TypeId.UNKNOWN;
        boolean rightArray = right.type().isArray() || right.type().id() == TypeId.UNKNOWN;
        if (leftArray && rightArray) {
            return concat(ArrayConcatFunction.Kind.CAT, left, right, "||", position);
        }
        return concat(leftArray ? ArrayConcatFunction.Kind.APPEND : ArrayConcatFunction.Kind.PREPEND, left, right,
                "||", position);
    }

    /**
     * array_cat (two arrays), array_append (array, element) or array_prepend (element, array) with the
     * anycompatible typing PostgreSQL 14 and later use; null when the argument types do not fit.
     */
    static BoundExpression concat(ArrayConcatFunction.Kind kind, BoundExpression first, BoundExpression second,
                                  String name, int position) {
        BoundExpression array = kind == ArrayConcatFunction.Kind.PREPEND ? second : first;
        BoundExpression other = kind == ArrayConcatFunction.Kind.PREPEND ? first : second;
        boolean otherIsArray = kind == ArrayConcatFunction.Kind.CAT;
        LogicalType element = commonElement(List.of(array), otherIsArray ? List.of(other) : List.of(),
                otherIsArray ? List.of() : List.of(other));
        if (element == null) {
            if (name.equals("||")) {
                throw Coercion.noOperator("||", first.type(), second.type(), position);
            }
            return null;
        }
        LogicalType arrayType = LogicalType.arrayOf(element);
        BoundExpression firstCast = Coercion.cast(first, kind == ArrayConcatFunction.Kind.PREPEND ? element : arrayType, false);
        BoundExpression secondCast = Coercion.cast(second, kind == ArrayConcatFunction.Kind.APPEND ? element : arrayType, false);
        return new BoundExpression.Function(new ArrayConcatFunction(kind), List.of(firstCast, secondCast), arrayType,
                position);
    }

    /**
     * The element type that arrays and elements of one anycompatible family share: untyped literals take no
     * part, an array where an element is expected (or the reverse) does not fit. Null when nothing fits or
     * every argument is untyped.
     */
    static LogicalType commonElement(List<BoundExpression> required, List<BoundExpression> arrays,
                                     List<BoundExpression> elements) {
        LogicalType common = null;
        List<BoundExpression> allArrays = new ArrayList<>(required);
        allArrays.addAll(arrays);
        for (BoundExpression array : allArrays) {
            if (array.type().id() == TypeId.UNKNOWN) {
                continue;
            }
            if (!array.type().isArray()) {
                return null;
            }
            common = common == null ? array.type().element() : Coercion.commonType(common, array.type().element());
            if (common == null) {
                return null;
            }
        }
        for (BoundExpression element : elements) {
            if (element.type().id() == TypeId.UNKNOWN) {
                continue;
            }
            if (element.type().isArray()) {
                return null;
            }
            common = common == null ? element.type() : Coercion.commonType(common, element.type());
            if (common == null) {
                return null;
            }
        }
        return common == null ? null : withoutModifiers(common);
    }

    /**
     * An element type as PostgreSQL gives it to arrays it builds: without a type modifier (numeric(2,1) and
     * varchar(3) elements make numeric[] and varchar[], each value keeping its own scale).
     */
    static LogicalType withoutModifiers(LogicalType element) {
        return switch (element.id()) {
            case NUMERIC -> LogicalType.NUMERIC;
            case VARCHAR -> LogicalType.VARCHAR;
            case CHAR -> LogicalType.BPCHAR;
            default -> element;
        };
    }

    /** PostgreSQL's error for a polymorphic argument that is an untyped literal. */
    static io.basalt.error.BasaltException undeterminedPolymorphic(int position) {
        return BasaltException.at(SqlState.DATATYPE_MISMATCH, position,
                "could not determine polymorphic type because input has type unknown");
    }
}
