package io.basalt.exec.function.geometric;

import static java.util.Objects.requireNonNull;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.ByteString;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import io.basalt.type.geometric.GeometricFunctions;
import io.basalt.type.geometric.GeometricOperations;
import io.basalt.type.geometric.GeometricValues;
import io.basalt.type.geometric.Geometry;
import org.apache.arrow.vector.FieldVector;

/**
 * The geometric functions and operators for one signature: the argument types are fixed when the call is bound
 * ({@code left}, {@code right}; {@link TypeId#UNKNOWN} for a non-geometric or missing one), so that each row only
 * reads coordinates and computes. Values are read per row; these are not scan-speed paths. NULL in gives NULL out,
 * as do box intersections that do not exist.
 */
public final class GeometricFunction implements ScalarFunction {
    public enum Kind {
        MAKE_POINT("point"), MAKE_BOX("box"), MAKE_LSEG("lseg"), MAKE_LINE("line"), MAKE_CIRCLE("circle"),
        AREA("area"), CENTER("center"), DIAMETER("diameter"), RADIUS("radius"), HEIGHT("height"), WIDTH("width"),
        DIAGONAL("diagonal"), LENGTH("length"), NPOINTS("npoints"), IS_CLOSED("isclosed"), IS_OPEN("isopen"),
        PATH_CLOSE("pclose"), PATH_OPEN("popen"), SLOPE("slope"), X("x"), Y("y"),
        ADD("+"), SUBTRACT("-"), MULTIPLY("*"), DIVIDE("/"), DISTANCE("<->"), LEFT("<<"), RIGHT(">>"),
        BELOW("<^"), ABOVE(">^"), SAME("~="), VERTICAL("?|"), HORIZONTAL("?-"), CONTAINED("<@"),
        OVERLAPS("&&"), AREA_EQUAL("="), AREA_LESS("<"), AREA_LESS_EQUAL("<="), AREA_GREATER(">"),
        AREA_GREATER_EQUAL(">="), INTERSECTION("#"), INTERSECTS("?#"), STRICTLY_BELOW("<<|"), STRICTLY_ABOVE("|>>"),
        NOT_EXTEND_RIGHT("&<"), NOT_EXTEND_LEFT("&>"), NOT_EXTEND_ABOVE("&<|"), NOT_EXTEND_BELOW("|&>"),
        FIRST_POINT("[0]"), SECOND_POINT("[1]");

        private final String displayName;

        Kind(String displayName) {
            this.displayName = displayName;
        }
    }

    private final Kind kind;
    private final TypeId left;
    private final TypeId right;

    /**
     * @param left  the first argument's type; for CONTAINED the contained value's
     * @param right the second argument's type, or UNKNOWN; for CONTAINED the containing value's
     */
    public GeometricFunction(Kind kind, TypeId left, TypeId right) {
        this.kind = requireNonNull(kind, "kind is null");
        this.left = requireNonNull(left, "left is null");
        this.right = requireNonNull(right, "right is null");
    }

    @Override
    public String name() {
        return kind.displayName;
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        FieldVector out = context.newVector(resultType, rows);
        Object[] values = new Object[arguments.length];
        for (int i = 0; i < rows; i++) {
            boolean anyNull = false;
            for (int a = 0; a < arguments.length; a++) {
                values[a] = ValueAccess.get(arguments[a], i);
                anyNull |= values[a] == null;
            }
            if (!anyNull) {
                ValueAccess.set(out, i, compute(values));
            }
        }
        return out;
    }

    private double[] coordinates(Object value, TypeId type) {
        return Geometry.coordinates((ByteString) value, type);
    }

    private Object compute(Object[] v) {
        double[] a = isGeometric(left) ? coordinates(v[0], left) : null;
        double[] b = v.length > 1 && isGeometric(right) ? coordinates(v[1], right) : null;
        return switch (kind) {
            case MAKE_POINT -> Geometry.of((Double) v[0], (Double) v[1]);
            case MAKE_BOX -> Geometry.of(GeometricValues.box(a[0], a[1], b[0], b[1]));
            case MAKE_LSEG -> Geometry.of(a[0], a[1], b[0], b[1]);
            case MAKE_LINE -> {
                if (GeometricValues.fuzzyEquals(a[0], b[0]) && GeometricValues.fuzzyEquals(a[1], b[1])) {
                    throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE,
                            "invalid line specification: must be two distinct points");
                }
                yield Geometry.of(GeometricValues.lineThrough(a[0], a[1], b[0], b[1]));
            }
            case MAKE_CIRCLE -> Geometry.of(a[0], a[1], (Double) v[1]);
            case AREA -> switch (left) {
                case BOX -> GeometricFunctions.boxArea(a);
                case CIRCLE -> Math.PI * a[2] * a[2];
                case PATH -> Geometry.isClosed((ByteString) v[0]) ? GeometricFunctions.polygonArea(a) : null;
                default -> GeometricFunctions.polygonArea(a);
            };
            case CENTER -> left == TypeId.CIRCLE ? Geometry.of(a[0], a[1])
                    : Geometry.of((a[0] + a[2]) / 2, (a[1] + a[3]) / 2);
            case DIAMETER -> 2 * a[2];
            case RADIUS -> a[2];
            case HEIGHT -> a[1] - a[3];
            case WIDTH -> a[0] - a[2];
            case DIAGONAL -> Geometry.of(a[0], a[1], a[2], a[3]);
            case LENGTH -> left == TypeId.LSEG ? GeometricValues.distance(a[0], a[1], a[2], a[3])
                    : GeometricFunctions.pathLength(a, Geometry.isClosed((ByteString) v[0]));
            case NPOINTS -> (long) (a.length / 2);
            case IS_CLOSED -> Geometry.isClosed((ByteString) v[0]);
            case IS_OPEN -> !Geometry.isClosed((ByteString) v[0]);
            case PATH_CLOSE -> Geometry.path(true, a);
            case PATH_OPEN -> Geometry.path(false, a);
            case SLOPE -> GeometricValues.slope(a[0], a[1], b[0], b[1]);
            case X -> a[0];
            case Y -> a[1];
            case ADD, SUBTRACT, MULTIPLY, DIVIDE -> moved(v[0], a, b);
            case DISTANCE -> distance(v, a, b);
            case LEFT -> left == TypeId.POINT ? GeometricValues.fuzzyLess(a[0], b[0])
                    : GeometricValues.fuzzyLess(a[0], b[2]);
            case RIGHT -> left == TypeId.POINT ? GeometricValues.fuzzyGreater(a[0], b[0])
                    : GeometricValues.fuzzyGreater(a[2], b[0]);
            case BELOW -> left == TypeId.POINT ? GeometricValues.fuzzyLess(a[1], b[1])
                    : GeometricValues.fuzzyLessOrEqual(a[1], b[3]);
            case ABOVE -> left == TypeId.POINT ? GeometricValues.fuzzyGreater(a[1], b[1])
                    : GeometricValues.fuzzyGreaterOrEqual(a[3], b[1]);
            case STRICTLY_BELOW -> left == TypeId.POINT ? GeometricValues.fuzzyLess(a[1], b[1])
                    : GeometricValues.fuzzyLess(a[1], b[3]);
            case STRICTLY_ABOVE -> left == TypeId.POINT ? GeometricValues.fuzzyGreater(a[1], b[1])
                    : GeometricValues.fuzzyGreater(a[3], b[1]);
            case NOT_EXTEND_RIGHT -> GeometricValues.fuzzyLessOrEqual(a[0], b[0]);
            case NOT_EXTEND_LEFT -> GeometricValues.fuzzyGreaterOrEqual(a[2], b[2]);
            case NOT_EXTEND_ABOVE -> GeometricValues.fuzzyLessOrEqual(a[1], b[1]);
            case NOT_EXTEND_BELOW -> GeometricValues.fuzzyGreaterOrEqual(a[3], b[3]);
            case FIRST_POINT -> Geometry.of(a[0], a[1]);
            case SECOND_POINT -> Geometry.of(a[2], a[3]);
            case SAME -> same(a, b);
            case VERTICAL -> b == null ? GeometricValues.fuzzyEquals(a[0], a[2])
                    : GeometricValues.fuzzyEquals(a[0], b[0]);
            case HORIZONTAL -> b == null ? GeometricValues.fuzzyEquals(a[1], a[3])
                    : GeometricValues.fuzzyEquals(a[1], b[1]);
            case CONTAINED -> contained(v, a, b);
            case OVERLAPS -> left == TypeId.CIRCLE
                    ? GeometricValues.fuzzyLessOrEqual(GeometricValues.distance(a[0], a[1], b[0], b[1]), a[2] + b[2])
                    : GeometricOperations.boxesOverlap(bounds(a), bounds(b));
            case AREA_EQUAL -> GeometricValues.fuzzyEquals(area(a), area(b));
            case AREA_LESS -> GeometricValues.fuzzyLess(area(a), area(b));
            case AREA_LESS_EQUAL -> GeometricValues.fuzzyLessOrEqual(area(a), area(b));
            case AREA_GREATER -> GeometricValues.fuzzyGreater(area(a), area(b));
            case AREA_GREATER_EQUAL -> GeometricValues.fuzzyGreaterOrEqual(area(a), area(b));
            case INTERSECTION -> {
                double[] box = GeometricOperations.boxIntersection(a, b);
                yield box == null ? null : Geometry.of(box);
            }
            case INTERSECTS -> left == TypeId.LSEG && right == TypeId.LSEG ? GeometricOperations.segmentsIntersect(a, b)
                    : GeometricOperations.boxesOverlap(bounds(a), bounds(b));
        };
    }

    private static boolean isGeometric(TypeId type) {
        return new LogicalType(type, -1, 0).isGeometric();
    }

    /** A box or circle's area, which box and circle comparisons compare. */
    private double area(double[] c) {
        return left == TypeId.CIRCLE ? Math.PI * c[2] * c[2] : GeometricFunctions.boxArea(c);
    }

    /** The bounding box of a box (itself), polygon or path's points. */
    private double[] bounds(double[] c) {
        return left == TypeId.BOX ? c : GeometricFunctions.boundingBox(c);
    }

    /** A point, box, path or circle moved ({@code + -}) or scaled and rotated ({@code * /}) by point b. */
    private Object moved(Object value, double[] a, double[] b) {
        return switch (left) {
            case POINT -> Geometry.of(movePoint(a[0], a[1], b));
            case BOX -> {
                double[] high = movePoint(a[0], a[1], b);
                double[] low = movePoint(a[2], a[3], b);
                yield Geometry.of(GeometricValues.box(high[0], high[1], low[0], low[1]));
            }
            case CIRCLE -> {
                double[] center = movePoint(a[0], a[1], b);
                double scale = kind == Kind.MULTIPLY ? Math.hypot(b[0], b[1])
                        : kind == Kind.DIVIDE ? 1 / Math.hypot(b[0], b[1]) : 1;
                yield Geometry.of(center[0], center[1], a[2] * scale);
            }
            default -> {
                double[] moved = new double[a.length];
                for (int i = 0; i < a.length; i += 2) {
                    double[] point = movePoint(a[i], a[i + 1], b);
                    moved[i] = point[0];
                    moved[i + 1] = point[1];
                }
                yield left == TypeId.PATH ? Geometry.path(Geometry.isClosed((ByteString) value), moved)
                        : Geometry.of(moved);
            }
        };
    }

    private double[] movePoint(double x, double y, double[] b) {
        return switch (kind) {
            case ADD -> new double[] {x + b[0], y + b[1]};
            case SUBTRACT -> new double[] {x - b[0], y - b[1]};
            case MULTIPLY -> GeometricOperations.multiply(x, y, b[0], b[1]);
            default -> {
                double[] quotient = GeometricOperations.divide(x, y, b[0], b[1]);
                if (quotient == null) {
                    throw BasaltException.of(SqlState.DIVISION_BY_ZERO, "division by zero");
                }
                yield quotient;
            }
        };
    }

    private Object distance(Object[] v, double[] a, double[] b) {
        if (left != TypeId.POINT && right == TypeId.POINT) {
            return new GeometricFunction(kind, right, left).distance(new Object[] {v[1], v[0]}, b, a);
        }
        return switch (left) {
            case POINT -> switch (right) {
                case POINT -> GeometricValues.distance(a[0], a[1], b[0], b[1]);
                case LSEG -> GeometricOperations.pointSegmentDistance(a[0], a[1], b[0], b[1], b[2], b[3]);
                case BOX -> GeometricOperations.pointBoxDistance(a[0], a[1], b);
                case LINE -> GeometricOperations.pointLineDistance(a[0], a[1], b);
                case CIRCLE -> Math.max(0, GeometricValues.distance(a[0], a[1], b[0], b[1]) - b[2]);
                case PATH -> GeometricOperations.pointPathDistance(a[0], a[1], b, Geometry.isClosed((ByteString) v[1]));
                case POLYGON -> GeometricOperations.pointPolygonDistance(a[0], a[1], b);
                default -> throw BasaltException.internal("no distance for point and " + right);
            };
            case BOX -> GeometricValues.distance((a[0] + a[2]) / 2, (a[1] + a[3]) / 2, (b[0] + b[2]) / 2,
                    (b[1] + b[3]) / 2);
            case CIRCLE -> Math.max(0, GeometricValues.distance(a[0], a[1], b[0], b[1]) - a[2] - b[2]);
            case LSEG -> GeometricOperations.segmentDistance(a, b);
            default -> throw BasaltException.internal("no distance for " + left + " and " + right);
        };
    }

    private boolean same(double[] a, double[] b) {
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (!GeometricValues.fuzzyEquals(a[i], b[i])) {
                return false;
            }
        }
        return true;
    }

    /** {@code a <@ b}: value a (of type left) lies within b (of type right). */
    private boolean contained(Object[] v, double[] a, double[] b) {
        if (left == TypeId.POINT) {
            return switch (right) {
                case BOX -> GeometricOperations.pointInBox(a[0], a[1], b);
                case CIRCLE -> GeometricOperations.pointInCircle(a[0], a[1], b);
                case POLYGON -> GeometricOperations.pointInPolygon(a[0], a[1], b);
                case LSEG -> GeometricOperations.pointSegmentDistance(a[0], a[1], b[0], b[1], b[2], b[3])
                        <= GeometricValues.EPSILON;
                case LINE -> GeometricOperations.pointLineDistance(a[0], a[1], b) <= GeometricValues.EPSILON;
                case PATH -> GeometricOperations.pointPathDistance(a[0], a[1], b, Geometry.isClosed((ByteString) v[1]))
                        <= GeometricValues.EPSILON;
                default -> throw BasaltException.internal("no containment of point in " + right);
            };
        }
        return switch (left) {
            case BOX -> GeometricOperations.boxInBox(a, b);
            case CIRCLE -> GeometricValues.fuzzyLessOrEqual(
                    GeometricValues.distance(a[0], a[1], b[0], b[1]) + a[2], b[2]);
            default -> throw BasaltException.internal("no containment of " + left + " in " + right);
        };
    }
}
