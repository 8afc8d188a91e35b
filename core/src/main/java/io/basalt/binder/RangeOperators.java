package io.basalt.binder;

import io.basalt.exec.function.range.RangeFunction;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import java.util.List;

/**
 * The range operators {@code @> <@ && << >> &< &> -|- + * -}, resolved as PostgreSQL resolves them: an untyped
 * literal beside a range reads as a range of the same type; {@code @>} and {@code <@} with a value of the subtype
 * test containment of that element. Comparisons ({@code = < ...}) of ranges are the generic ones over the stored
 * form, which orders as PostgreSQL orders ranges ({@code io.basalt.type.range.Range}).
 */
final class RangeOperators {
    private RangeOperators() {
    }

    /** The bound operator, or null when neither operand is a range. */
    static BoundExpression bind(String operator, BoundExpression left, BoundExpression right, int position) {
        if (!left.type().isRange() && !right.type().isRange()) {
            return null;
        }
        RangeFunction.Kind pairKind = switch (operator) {
            case "@>" -> RangeFunction.Kind.CONTAINS;
            case "<@" -> RangeFunction.Kind.CONTAINED_BY;
            case "&&" -> RangeFunction.Kind.OVERLAPS;
            case "<<" -> RangeFunction.Kind.LEFT_OF;
            case ">>" -> RangeFunction.Kind.RIGHT_OF;
            case "&<" -> RangeFunction.Kind.NOT_EXTEND_RIGHT;
            case "&>" -> RangeFunction.Kind.NOT_EXTEND_LEFT;
            case "-|-" -> RangeFunction.Kind.ADJACENT;
            case "+" -> RangeFunction.Kind.UNION;
            case "*" -> RangeFunction.Kind.INTERSECTION;
            case "-" -> RangeFunction.Kind.DIFFERENCE;
            default -> null;
        };
        if (pairKind == null) {
            return null;
        }
        if (operator.equals("@>") && left.type().isRange() && !RangeFunctionBinder.rangeOrUnknown(right.type())) {
            return element(RangeFunction.Kind.CONTAINS_ELEMENT, left, right, left, right, position, operator);
        }
        if (operator.equals("<@") && right.type().isRange() && !RangeFunctionBinder.rangeOrUnknown(left.type())) {
            return element(RangeFunction.Kind.ELEMENT_CONTAINED_BY, right, left, left, right, position, operator);
        }
        LogicalType range = left.type().isRange() ? left.type() : right.type();
        if (!sameRange(range, left.type()) || !sameRange(range, right.type())) {
            throw Coercion.noOperator(operator, left.type(), right.type(), position);
        }
        boolean ranged = pairKind == RangeFunction.Kind.UNION || pairKind == RangeFunction.Kind.INTERSECTION
                || pairKind == RangeFunction.Kind.DIFFERENCE;
        return new BoundExpression.Function(new RangeFunction(pairKind, range.range()),
                List.of(Coercion.cast(left, range, false), Coercion.cast(right, range, false)),
                ranged ? range : LogicalType.BOOLEAN, position);
    }

    private static BoundExpression element(RangeFunction.Kind kind, BoundExpression range, BoundExpression element,
                                           BoundExpression left, BoundExpression right, int position,
                                           String operator) {
        LogicalType subtype = range.type().range().subtype();
        if (!implicitlyCastable(element.type(), subtype)) {
            throw Coercion.noOperator(operator, left.type(), right.type(), position);
        }
        BoundExpression cast = Coercion.cast(element, subtype, false);
        List<BoundExpression> arguments = kind == RangeFunction.Kind.CONTAINS_ELEMENT ? List.of(range, cast)
                : List.of(cast, range);
        return new BoundExpression.Function(new RangeFunction(kind, range.type().range()), arguments,
                LogicalType.BOOLEAN, position);
    }

    /** Whether {@code other} is the range type {@code range} or an untyped literal. */
    static boolean sameRange(LogicalType range, LogicalType other) {
        return other.id() == TypeId.UNKNOWN || other.isRange() && other.range().equals(range.range());
    }

    /** Whether PostgreSQL casts {@code from} to {@code to} implicitly (an untyped literal to anything). */
    static boolean implicitlyCastable(LogicalType from, LogicalType to) {
        if (from.id() == TypeId.UNKNOWN || from.equals(to)) {
            return true;
        }
        LogicalType common = Coercion.commonType(from, to);
        return common != null && common.id() == to.id();
    }
}
