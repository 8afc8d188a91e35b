package io.basalt.binder;

import io.basalt.exec.function.geometric.GeometricFunction;
import io.basalt.exec.function.geometric.GeometricFunction.Kind;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import io.basalt.type.geometric.GeometricCasts;
import java.util.ArrayList;
import java.util.List;

/**
 * Calls of the geometric functions: the constructors {@code point(x, y)}, {@code box(p1, p2)}, {@code lseg(p1, p2)},
 * {@code line(p1, p2)}, {@code circle(center, radius)}, the casts called as functions ({@code point(box)},
 * {@code polygon(box)}, ...) and the measurements area, center, diameter, radius, height, width, diagonal, length,
 * npoints, isclosed, isopen, pclose, popen and slope. An argument that is an untyped literal reads as the type the
 * signature wants.
 */
final class GeometricFunctionBinder {
    private GeometricFunctionBinder() {
    }

    /** One signature: the function's kind, the argument types it takes and its result type. */
    private record Signature(String name, Kind kind, List<LogicalType> arguments, LogicalType result) {
    }

    private static final List<Signature> SIGNATURES = signatures();

    private static List<Signature> signatures() {
        List<Signature> all = new ArrayList<>();
        LogicalType point = LogicalType.POINT;
        LogicalType box = LogicalType.BOX;
        LogicalType path = LogicalType.PATH;
        LogicalType circle = LogicalType.CIRCLE;
        LogicalType polygon = LogicalType.POLYGON;
        LogicalType lseg = LogicalType.LSEG;
        LogicalType number = LogicalType.DOUBLE;
        all.add(new Signature("point", Kind.MAKE_POINT, List.of(number, number), point));
        all.add(new Signature("box", Kind.MAKE_BOX, List.of(point, point), box));
        all.add(new Signature("lseg", Kind.MAKE_LSEG, List.of(point, point), lseg));
        all.add(new Signature("line", Kind.MAKE_LINE, List.of(point, point), LogicalType.LINE));
        all.add(new Signature("circle", Kind.MAKE_CIRCLE, List.of(point, number), circle));
        for (LogicalType shape : List.of(box, circle, path)) {
            all.add(new Signature("area", Kind.AREA, List.of(shape), number));
        }
        for (LogicalType shape : List.of(box, circle)) {
            all.add(new Signature("center", Kind.CENTER, List.of(shape), point));
        }
        all.add(new Signature("circle_center", Kind.CENTER, List.of(circle), point));
        all.add(new Signature("diameter", Kind.DIAMETER, List.of(circle), number));
        all.add(new Signature("radius", Kind.RADIUS, List.of(circle), number));
        all.add(new Signature("height", Kind.HEIGHT, List.of(box), number));
        all.add(new Signature("width", Kind.WIDTH, List.of(box), number));
        all.add(new Signature("diagonal", Kind.DIAGONAL, List.of(box), lseg));
        all.add(new Signature("length", Kind.LENGTH, List.of(lseg), number));
        all.add(new Signature("length", Kind.LENGTH, List.of(path), number));
        all.add(new Signature("npoints", Kind.NPOINTS, List.of(path), LogicalType.INTEGER));
        all.add(new Signature("npoints", Kind.NPOINTS, List.of(polygon), LogicalType.INTEGER));
        all.add(new Signature("isclosed", Kind.IS_CLOSED, List.of(path), LogicalType.BOOLEAN));
        all.add(new Signature("isopen", Kind.IS_OPEN, List.of(path), LogicalType.BOOLEAN));
        all.add(new Signature("pclose", Kind.PATH_CLOSE, List.of(path), path));
        all.add(new Signature("popen", Kind.PATH_OPEN, List.of(path), path));
        all.add(new Signature("slope", Kind.SLOPE, List.of(point, point), number));
        return List.copyOf(all);
    }

    /** The bound call, or null when no geometric function of that name takes these arguments. */
    static BoundExpression bind(String name, List<BoundExpression> arguments, int position) {
        BoundExpression cast = castCall(name, arguments, position);
        if (cast != null) {
            return cast;
        }
        boolean named = false;
        for (Signature signature : SIGNATURES) {
            if (!signature.name().equals(name)) {
                continue;
            }
            named = true;
            if (matches(signature, arguments, false)) {
                return call(signature, arguments, position);
            }
        }
        if (!named || allUnknown(arguments)) {
            // length('abc') is text's length: untyped literals alone never pick a geometric signature
            return null;
        }
        for (Signature signature : SIGNATURES) {
            if (signature.name().equals(name) && matches(signature, arguments, true)) {
                return call(signature, arguments, position);
            }
        }
        return null;
    }

    private static boolean allUnknown(List<BoundExpression> arguments) {
        for (BoundExpression argument : arguments) {
            if (argument.type().id() != TypeId.UNKNOWN) {
                return false;
            }
        }
        return true;
    }

    /** {@code point(box)}, {@code polygon(path)}, ...: a geometric cast written as a call of the target's name. */
    private static BoundExpression castCall(String name, List<BoundExpression> arguments, int position) {
        if (arguments.size() != 1 || !arguments.getFirst().type().isGeometric()) {
            return null;
        }
        LogicalType target = switch (name) {
            case "point" -> LogicalType.POINT;
            case "box" -> LogicalType.BOX;
            case "polygon" -> LogicalType.POLYGON;
            case "path" -> LogicalType.PATH;
            case "circle" -> LogicalType.CIRCLE;
            case "lseg" -> LogicalType.LSEG;
            default -> null;
        };
        if (target == null || !GeometricCasts.castable(arguments.getFirst().type().id(), target.id())) {
            return null;
        }
        return Coercion.cast(arguments.getFirst(), target, true);
    }

    /**
     * Whether the arguments fit: exactly the geometric types (an untyped literal only when {@code lenient}), and
     * numbers where a double is taken.
     */
    private static boolean matches(Signature signature, List<BoundExpression> arguments, boolean lenient) {
        if (signature.arguments().size() != arguments.size()) {
            return false;
        }
        for (int i = 0; i < arguments.size(); i++) {
            LogicalType wanted = signature.arguments().get(i);
            LogicalType given = arguments.get(i).type();
            boolean fits = given.id() == wanted.id()
                    || wanted.id() == TypeId.DOUBLE && given.isNumber()
                    || lenient && given.id() == TypeId.UNKNOWN;
            if (!fits) {
                return false;
            }
        }
        return true;
    }

    private static BoundExpression call(Signature signature, List<BoundExpression> arguments, int position) {
        List<BoundExpression> cast = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            cast.add(Coercion.cast(arguments.get(i), signature.arguments().get(i), false));
        }
        TypeId left = signature.arguments().getFirst().id();
        TypeId right = signature.arguments().size() > 1 ? signature.arguments().get(1).id() : TypeId.UNKNOWN;
        return new BoundExpression.Function(new GeometricFunction(signature.kind(), left, right), cast,
                signature.result(), position);
    }
}
