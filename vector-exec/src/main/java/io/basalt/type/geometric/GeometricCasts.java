package io.basalt.type.geometric;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.type.ByteString;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import io.basalt.type.ValueConversion;

/**
 * The casts between geometric types that PostgreSQL has (each also callable as a function named after the target
 * type): a box, lseg, circle or polygon to the point at its centre, a circle or polygon to its bounding box, a box to
 * the polygon of its corners or its inscribed circle's circumscribing circle, a polygon to a closed path and a closed
 * path to a polygon, a box to its diagonal lseg.
 */
public final class GeometricCasts {
    private GeometricCasts() {
    }

    /** Whether PostgreSQL has a cast from geometric type {@code from} to {@code to}. */
    public static boolean castable(TypeId from, TypeId to) {
        if (from == to) {
            return true;
        }
        return switch (to) {
            case POINT -> from == TypeId.BOX || from == TypeId.LSEG || from == TypeId.CIRCLE || from == TypeId.POLYGON;
            case BOX -> from == TypeId.CIRCLE || from == TypeId.POLYGON || from == TypeId.POINT;
            case POLYGON -> from == TypeId.BOX || from == TypeId.PATH;
            case PATH -> from == TypeId.POLYGON;
            case CIRCLE -> from == TypeId.BOX || from == TypeId.POLYGON;
            case LSEG -> from == TypeId.BOX;
            default -> false;
        };
    }

    /** {@code value} of geometric type {@code from} as type {@code to}. */
    public static Object convert(Object value, LogicalType from, LogicalType to) {
        if (from.id() == to.id()) {
            return value;
        }
        ByteString stored = (ByteString) value;
        double[] c = from.isGeometric() ? Geometry.coordinates(stored, from.id()) : null;
        return switch (to.id()) {
            case POINT -> switch (from.id()) {
                case BOX, LSEG -> Geometry.of((c[0] + c[2]) / 2, (c[1] + c[3]) / 2);
                case CIRCLE -> Geometry.of(c[0], c[1]);
                case POLYGON -> Geometry.of(GeometricFunctions.polygonCentroid(c));
                default -> throw ValueConversion.cannotCast(from, to);
            };
            case BOX -> switch (from.id()) {
                case CIRCLE -> {
                    double delta = c[2] / Math.sqrt(2.0);
                    yield Geometry.of(c[0] + delta, c[1] + delta, c[0] - delta, c[1] - delta);
                }
                case POLYGON -> Geometry.of(GeometricFunctions.boundingBox(c));
                case POINT -> Geometry.of(c[0], c[1], c[0], c[1]);
                default -> throw ValueConversion.cannotCast(from, to);
            };
            case POLYGON -> switch (from.id()) {
                case BOX -> Geometry.of(c[2], c[3], c[2], c[1], c[0], c[1], c[0], c[3]);
                case PATH -> {
                    if (!Geometry.isClosed(stored)) {
                        throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE,
                                "open path cannot be converted to polygon");
                    }
                    yield Geometry.of(c);
                }
                default -> throw ValueConversion.cannotCast(from, to);
            };
            case PATH -> switch (from.id()) {
                case POLYGON -> Geometry.path(true, c);
                default -> throw ValueConversion.cannotCast(from, to);
            };
            case CIRCLE -> switch (from.id()) {
                case BOX -> {
                    double x = (c[0] + c[2]) / 2;
                    double y = (c[1] + c[3]) / 2;
                    yield Geometry.of(x, y, GeometricValues.distance(x, y, c[0], c[1]));
                }
                case POLYGON -> Geometry.of(GeometricFunctions.polygonCircle(c));
                default -> throw ValueConversion.cannotCast(from, to);
            };
            case LSEG -> switch (from.id()) {
                case BOX -> Geometry.of(c[0], c[1], c[2], c[3]);
                default -> throw ValueConversion.cannotCast(from, to);
            };
            default -> throw ValueConversion.cannotCast(from, to);
        };
    }
}
