package io.basalt.type.geometric;

import static io.basalt.type.geometric.GeometricValues.distance;
import static io.basalt.type.geometric.GeometricValues.fuzzyEquals;

/**
 * Distances, containment and point arithmetic over geometric coordinates (see {@link Geometry}), as PostgreSQL's
 * geo_ops.c computes them: points add and subtract by coordinates and multiply and divide as complex numbers; a box
 * moved, scaled or rotated by a point is the box of its moved corners; containment counts the boundary as inside.
 */
public final class GeometricOperations {
    private GeometricOperations() {
    }

    /** The complex product {@code (x1 + i y1)(x2 + i y2)}. */
    public static double[] multiply(double x1, double y1, double x2, double y2) {
        return new double[] {x1 * x2 - y1 * y2, x1 * y2 + y1 * x2};
    }

    /**
     * The complex quotient {@code (x1 + i y1)/(x2 + i y2)}.
     *
     * @return null when the divisor is zero (the caller raises PostgreSQL's division by zero)
     */
    public static double[] divide(double x1, double y1, double x2, double y2) {
        double divisor = x2 * x2 + y2 * y2;
        if (divisor == 0.0) {
            return null;
        }
        return new double[] {(x1 * x2 + y1 * y2) / divisor, (y1 * x2 - x1 * y2) / divisor};
    }

    /** The distance from a point to the segment between two points. */
    public static double pointSegmentDistance(double x, double y, double x1, double y1, double x2, double y2) {
        double dx = x2 - x1;
        double dy = y2 - y1;
        double lengthSquared = dx * dx + dy * dy;
        if (lengthSquared == 0) {
            return distance(x, y, x1, y1);
        }
        double t = ((x - x1) * dx + (y - y1) * dy) / lengthSquared;
        t = Math.max(0, Math.min(1, t));
        return distance(x, y, x1 + t * dx, y1 + t * dy);
    }

    /** The distance from a point to a box (0 inside it). */
    public static double pointBoxDistance(double x, double y, double[] box) {
        double dx = Math.max(Math.max(box[2] - x, 0), x - box[0]);
        double dy = Math.max(Math.max(box[3] - y, 0), y - box[1]);
        return Math.hypot(dx, dy);
    }

    /** The distance from a point to a line {A, B, C}. */
    public static double pointLineDistance(double x, double y, double[] line) {
        return Math.abs(line[0] * x + line[1] * y + line[2]) / Math.hypot(line[0], line[1]);
    }

    /** The distance from a point to a path's segments (the closing one too when closed). */
    public static double pointPathDistance(double x, double y, double[] points, boolean closed) {
        int n = points.length / 2;
        if (n == 1) {
            return distance(x, y, points[0], points[1]);
        }
        double best = Double.POSITIVE_INFINITY;
        int segments = closed ? n : n - 1;
        for (int i = 0; i < segments; i++) {
            int j = (i + 1) % n;
            best = Math.min(best, pointSegmentDistance(x, y, points[2 * i], points[2 * i + 1], points[2 * j],
                    points[2 * j + 1]));
        }
        return best;
    }

    /** The distance from a point to a polygon: 0 inside or on it, else to its nearest edge. */
    public static double pointPolygonDistance(double x, double y, double[] points) {
        return pointInPolygon(x, y, points) ? 0.0 : pointPathDistance(x, y, points, true);
    }

    /** Whether a point lies in a box, its boundary included. */
    public static boolean pointInBox(double x, double y, double[] box) {
        return x <= box[0] && x >= box[2] && y <= box[1] && y >= box[3];
    }

    /** Whether a point lies in a circle {x, y, r}, its boundary included. */
    public static boolean pointInCircle(double x, double y, double[] circle) {
        return GeometricValues.fuzzyLessOrEqual(distance(x, y, circle[0], circle[1]), circle[2]);
    }

    /** Whether a point lies in a polygon or on its boundary (ray casting, with the edges tested first). */
    public static boolean pointInPolygon(double x, double y, double[] points) {
        int n = points.length / 2;
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            if (pointSegmentDistance(x, y, points[2 * i], points[2 * i + 1], points[2 * j], points[2 * j + 1])
                    <= GeometricValues.EPSILON) {
                return true;
            }
        }
        boolean inside = false;
        for (int i = 0, j = n - 1; i < n; j = i++) {
            double xi = points[2 * i];
            double yi = points[2 * i + 1];
            double xj = points[2 * j];
            double yj = points[2 * j + 1];
            if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) {
                inside = !inside;
            }
        }
        return inside;
    }

    /** Whether box {@code inner} lies within box {@code outer}. */
    public static boolean boxInBox(double[] inner, double[] outer) {
        return GeometricValues.fuzzyGreaterOrEqual(outer[0], inner[0])
                && GeometricValues.fuzzyLessOrEqual(outer[2], inner[2])
                && GeometricValues.fuzzyGreaterOrEqual(outer[1], inner[1])
                && GeometricValues.fuzzyLessOrEqual(outer[3], inner[3]);
    }

    /** Whether two boxes share a point. */
    public static boolean boxesOverlap(double[] a, double[] b) {
        return GeometricValues.fuzzyLessOrEqual(a[2], b[0]) && GeometricValues.fuzzyLessOrEqual(b[2], a[0])
                && GeometricValues.fuzzyLessOrEqual(a[3], b[1]) && GeometricValues.fuzzyLessOrEqual(b[3], a[1]);
    }

    /** Whether two boxes are the same, corner by corner (fuzzily). */
    public static boolean sameBox(double[] a, double[] b) {
        return fuzzyEquals(a[0], b[0]) && fuzzyEquals(a[1], b[1]) && fuzzyEquals(a[2], b[2])
                && fuzzyEquals(a[3], b[3]);
    }

    /** The intersection of two boxes, or null when they do not overlap. */
    public static double[] boxIntersection(double[] a, double[] b) {
        if (!boxesOverlap(a, b)) {
            return null;
        }
        return new double[] {Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]),
            Math.max(a[3], b[3])};
    }

    /** Whether two segments intersect. */
    public static boolean segmentsIntersect(double[] s, double[] t) {
        double d1 = cross(t[0], t[1], t[2], t[3], s[0], s[1]);
        double d2 = cross(t[0], t[1], t[2], t[3], s[2], s[3]);
        double d3 = cross(s[0], s[1], s[2], s[3], t[0], t[1]);
        double d4 = cross(s[0], s[1], s[2], s[3], t[2], t[3]);
        if ((d1 > 0 && d2 < 0 || d1 < 0 && d2 > 0) && (d3 > 0 && d4 < 0 || d3 < 0 && d4 > 0)) {
            return true;
        }
        return pointSegmentDistance(s[0], s[1], t[0], t[1], t[2], t[3]) <= GeometricValues.EPSILON
                || pointSegmentDistance(s[2], s[3], t[0], t[1], t[2], t[3]) <= GeometricValues.EPSILON
                || pointSegmentDistance(t[0], t[1], s[0], s[1], s[2], s[3]) <= GeometricValues.EPSILON
                || pointSegmentDistance(t[2], t[3], s[0], s[1], s[2], s[3]) <= GeometricValues.EPSILON;
    }

    private static double cross(double ax, double ay, double bx, double by, double px, double py) {
        return (bx - ax) * (py - ay) - (by - ay) * (px - ax);
    }

    /** The distance between two segments: 0 when they intersect, else the least end-point distance. */
    public static double segmentDistance(double[] s, double[] t) {
        if (segmentsIntersect(s, t)) {
            return 0.0;
        }
        return Math.min(Math.min(pointSegmentDistance(s[0], s[1], t[0], t[1], t[2], t[3]),
                        pointSegmentDistance(s[2], s[3], t[0], t[1], t[2], t[3])),
                Math.min(pointSegmentDistance(t[0], t[1], s[0], s[1], s[2], s[3]),
                        pointSegmentDistance(t[2], t[3], s[0], s[1], s[2], s[3])));
    }
}
