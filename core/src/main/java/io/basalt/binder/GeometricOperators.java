package io.basalt.binder;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.function.geometric.GeometricFunction;
import io.basalt.exec.function.geometric.GeometricFunction.Kind;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import java.util.ArrayList;
import java.util.List;

/**
 * The geometric operators PostgreSQL has for point, lseg, line, box, path, polygon and circle: {@code + - * /} by a
 * point, {@code <->} distance, the position tests {@code << >> <^ >^}, {@code ~=} same as, {@code ?| ?-} vertical
 * and horizontal, containment {@code <@ @>}, overlap {@code &&}, the area comparisons {@code = < <= > >=} of boxes
 * and circles, {@code #} and {@code ?#} intersection; the prefix operators {@code @-@} (length), {@code #} (number
 * of points), {@code @@} (centre) and {@code ?| ?-} on an lseg; and a point's subscripts {@code [0]} and
 * {@code [1]}. An untyped literal beside a geometric value reads as the other side's type. A comparison of two
 * geometric values that PostgreSQL has no operator for (points have no {@code =}) fails as it fails there.
 */
final class GeometricOperators {
    private GeometricOperators() {
    }

    /** One operator signature; {@code swap} passes the operands to the function in the other order. */
    private record Signature(String operator, TypeId left, TypeId right, Kind kind, LogicalType result,
                             boolean swap) {
    }

    private static final List<Signature> SIGNATURES = signatures();

    private static List<Signature> signatures() {
        List<Signature> all = new ArrayList<>();
        TypeId point = TypeId.POINT;
        LogicalType bool = LogicalType.BOOLEAN;
        for (String operator : List.of("+", "-", "*", "/")) {
            Kind kind = switch (operator) {
                case "+" -> Kind.ADD;
                case "-" -> Kind.SUBTRACT;
                case "*" -> Kind.MULTIPLY;
                default -> Kind.DIVIDE;
            };
            for (TypeId shape : List.of(TypeId.POINT, TypeId.BOX, TypeId.PATH, TypeId.CIRCLE)) {
                all.add(new Signature(operator, shape, point, kind, new LogicalType(shape, -1, 0), false));
            }
        }
        for (TypeId shape : List.of(TypeId.POINT, TypeId.LSEG, TypeId.BOX, TypeId.LINE, TypeId.CIRCLE, TypeId.PATH,
                TypeId.POLYGON)) {
            all.add(new Signature("<->", point, shape, Kind.DISTANCE, LogicalType.DOUBLE, false));
            if (shape != point) {
                all.add(new Signature("<->", shape, point, Kind.DISTANCE, LogicalType.DOUBLE, true));
            }
        }
        for (TypeId shape : List.of(TypeId.BOX, TypeId.CIRCLE, TypeId.LSEG)) {
            all.add(new Signature("<->", shape, shape, Kind.DISTANCE, LogicalType.DOUBLE, false));
        }
        for (TypeId shape : List.of(TypeId.POINT, TypeId.BOX)) {
            all.add(new Signature("<<", shape, shape, Kind.LEFT, bool, false));
            all.add(new Signature(">>", shape, shape, Kind.RIGHT, bool, false));
            all.add(new Signature("<^", shape, shape, Kind.BELOW, bool, false));
            all.add(new Signature(">^", shape, shape, Kind.ABOVE, bool, false));
            all.add(new Signature("<<|", shape, shape, Kind.STRICTLY_BELOW, bool, false));
            all.add(new Signature("|>>", shape, shape, Kind.STRICTLY_ABOVE, bool, false));
        }
        all.add(new Signature("&<", TypeId.BOX, TypeId.BOX, Kind.NOT_EXTEND_RIGHT, bool, false));
        all.add(new Signature("&>", TypeId.BOX, TypeId.BOX, Kind.NOT_EXTEND_LEFT, bool, false));
        all.add(new Signature("&<|", TypeId.BOX, TypeId.BOX, Kind.NOT_EXTEND_ABOVE, bool, false));
        all.add(new Signature("|&>", TypeId.BOX, TypeId.BOX, Kind.NOT_EXTEND_BELOW, bool, false));
        for (TypeId shape : List.of(TypeId.POINT, TypeId.BOX, TypeId.POLYGON, TypeId.CIRCLE)) {
            all.add(new Signature("~=", shape, shape, Kind.SAME, bool, false));
        }
        all.add(new Signature("?|", point, point, Kind.VERTICAL, bool, false));
        all.add(new Signature("?-", point, point, Kind.HORIZONTAL, bool, false));
        for (TypeId shape : List.of(TypeId.BOX, TypeId.CIRCLE, TypeId.POLYGON, TypeId.LSEG, TypeId.LINE,
                TypeId.PATH)) {
            all.add(new Signature("<@", point, shape, Kind.CONTAINED, bool, false));
            if (shape != TypeId.LSEG && shape != TypeId.LINE) {
                all.add(new Signature("@>", shape, point, Kind.CONTAINED, bool, true));
            }
        }
        for (TypeId shape : List.of(TypeId.BOX, TypeId.CIRCLE)) {
            all.add(new Signature("<@", shape, shape, Kind.CONTAINED, bool, false));
            all.add(new Signature("@>", shape, shape, Kind.CONTAINED, bool, true));
            all.add(new Signature("&&", shape, shape, Kind.OVERLAPS, bool, false));
            all.add(new Signature("=", shape, shape, Kind.AREA_EQUAL, bool, false));
            all.add(new Signature("<", shape, shape, Kind.AREA_LESS, bool, false));
            all.add(new Signature("<=", shape, shape, Kind.AREA_LESS_EQUAL, bool, false));
            all.add(new Signature(">", shape, shape, Kind.AREA_GREATER, bool, false));
            all.add(new Signature(">=", shape, shape, Kind.AREA_GREATER_EQUAL, bool, false));
        }
        all.add(new Signature("&&", TypeId.POLYGON, TypeId.POLYGON, Kind.OVERLAPS, bool, false));
        all.add(new Signature("#", TypeId.BOX, TypeId.BOX, Kind.INTERSECTION, LogicalType.BOX, false));
        all.add(new Signature("?#", TypeId.LSEG, TypeId.LSEG, Kind.INTERSECTS, bool, false));
        all.add(new Signature("?#", TypeId.BOX, TypeId.BOX, Kind.INTERSECTS, bool, false));
        return List.copyOf(all);
    }

    /** The bound operator, or null when neither operand is geometric. */
    static BoundExpression bind(String operator, BoundExpression left, BoundExpression right, int position) {
        LogicalType l = left.type();
        LogicalType r = right.type();
        if (!l.isGeometric() && !r.isGeometric()) {
            return null;
        }
        // an untyped literal reads as the other side's type, as PostgreSQL first tries
        TypeId leftId = l.id() == TypeId.UNKNOWN ? r.id() : l.id();
        TypeId rightId = r.id() == TypeId.UNKNOWN ? l.id() : r.id();
        for (Signature signature : SIGNATURES) {
            if (signature.operator().equals(operator) && signature.left() == leftId && signature.right() == rightId) {
                BoundExpression a = Coercion.cast(left, new LogicalType(leftId, -1, 0), false);
                BoundExpression b = Coercion.cast(right, new LogicalType(rightId, -1, 0), false);
                List<BoundExpression> arguments = signature.swap() ? List.of(b, a) : List.of(a, b);
                TypeId first = signature.swap() ? rightId : leftId;
                TypeId second = signature.swap() ? leftId : rightId;
                return new BoundExpression.Function(new GeometricFunction(signature.kind(), first, second), arguments,
                        signature.result(), position);
            }
        }
        if (l.isGeometric() && (r.isGeometric() || r.id() == TypeId.UNKNOWN)
                || r.isGeometric() && l.id() == TypeId.UNKNOWN) {
            throw Coercion.noOperator(operator, l, r, position);
        }
        return null;
    }

    /** A prefix operator over a geometric value, or null when the operand is not geometric. */
    static BoundExpression prefix(String operator, BoundExpression operand, int position) {
        TypeId type = operand.type().id();
        if (!operand.type().isGeometric()) {
            return null;
        }
        Kind kind = null;
        LogicalType result = null;
        switch (operator) {
            case "@-@" -> {
                if (type == TypeId.LSEG || type == TypeId.PATH) {
                    kind = Kind.LENGTH;
                    result = LogicalType.DOUBLE;
                }
            }
            case "#" -> {
                if (type == TypeId.PATH || type == TypeId.POLYGON) {
                    kind = Kind.NPOINTS;
                    result = LogicalType.INTEGER;
                }
            }
            case "@@" -> {
                if (type == TypeId.BOX || type == TypeId.CIRCLE) {
                    kind = Kind.CENTER;
                    result = LogicalType.POINT;
                }
            }
            case "?|" -> {
                if (type == TypeId.LSEG) {
                    kind = Kind.VERTICAL;
                    result = LogicalType.BOOLEAN;
                }
            }
            case "?-" -> {
                if (type == TypeId.LSEG) {
                    kind = Kind.HORIZONTAL;
                    result = LogicalType.BOOLEAN;
                }
            }
            default -> {
            }
        }
        if (kind == null) {
            throw BasaltException.at(SqlState.UNDEFINED_FUNCTION, position,
                            "operator does not exist: " + operator + " " + operand.type().displayName())
                    .withHint("No operator matches the given name and argument type. You might need to add an explicit"
                            + " type cast.");
        }
        return new BoundExpression.Function(new GeometricFunction(kind, type, TypeId.UNKNOWN), List.of(operand),
                result, position);
    }

    /**
     * {@code point[0]} and {@code point[1]}: the x and y coordinates; {@code box[0]}, {@code box[1]} and
     * {@code lseg[0]}, {@code lseg[1]}: the corners and end points. Other constant subscripts give NULL; slices fail
     * as in PostgreSQL (these are fixed-length arrays to it).
     */
    static BoundExpression subscript(BoundExpression value, BoundExpression index, boolean slice, int position) {
        if (slice) {
            throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED, "slices of fixed-length arrays not implemented");
        }
        boolean point = value.type().id() == TypeId.POINT;
        LogicalType result = point ? LogicalType.DOUBLE : LogicalType.POINT;
        if (!(index instanceof BoundExpression.Constant constant) || !index.type().isIntegral()) {
            throw ExpressionBinder.notYet("a geometric subscript that is not an integer constant", position);
        }
        Object number = constant.value();
        if (number == null || ((Long) number != 0 && (Long) number != 1)) {
            return new BoundExpression.Constant(null, result, position);
        }
        Kind kind = (Long) number == 0 ? (point ? Kind.X : Kind.FIRST_POINT) : (point ? Kind.Y : Kind.SECOND_POINT);
        return new BoundExpression.Function(new GeometricFunction(kind, value.type().id(), TypeId.UNKNOWN),
                List.of(value), result, position);
    }
}
