package io.basalt.type.geometric;

/**
 * Measurements of geometric values over their coordinates (see {@link Geometry}): areas, centres, lengths and
 * bounding boxes, computed as PostgreSQL's geo_ops.c computes them.
 */
public final class GeometricFunctions {
    private GeometricFunctions() {
    }

    /** The bounding box {highX, highY, lowX, lowY} of a list of points. */
    public static double[] boundingBox(double[] points) {
        double highX = points[0];
        double lowX = points[0];
        double highY = points[1];
        double lowY = points[1];
        for (int i = 2; i < points.length; i += 2) {
            highX = Math.max(highX, points[i]);
            lowX = Math.min(lowX, points[i]);
            highY = Math.max(highY, points[i + 1]);
            lowY = Math.min(lowY, points[i + 1]);
        }
        return new double[] {highX, highY, lowX, lowY};
    }

    /** A polygon's centre as point(polygon) gives it: the mean of its vertices. */
    public static double[] polygonCentroid(double[] points) {
        int n = points.length / 2;
        double x = 0;
        double y = 0;
        for (int i = 0; i < points.length; i += 2) {
            x += points[i];
            y += points[i + 1];
        }
        return new double[] {x / n, y / n};
    }

    /** circle(polygon): centred on the mean of the vertices, with their mean distance from it as radius. */
    public static double[] polygonCircle(double[] points) {
        double[] center = polygonCentroid(points);
        double radius = 0;
        for (int i = 0; i < points.length; i += 2) {
            radius += GeometricValues.distance(points[i], points[i + 1], center[0], center[1]);
        }
        return new double[] {center[0], center[1], radius / (points.length / 2)};
    }

    /** The area of a box (stored coordinates). */
    public static double boxArea(double[] box) {
        return (box[0] - box[2]) * (box[1] - box[3]);
    }

    /** The area of a polygon or closed path by the shoelace formula, positive. */
    public static double polygonArea(double[] points) {
        double area = 0;
        int n = points.length / 2;
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            area += points[2 * i] * points[2 * j + 1] - points[2 * i + 1] * points[2 * j];
        }
        return Math.abs(area / 2.0);
    }

    /** The length of a path: the sum of its segments, with the closing one when it is closed. */
    public static double pathLength(double[] points, boolean closed) {
        double length = 0;
        int n = points.length / 2;
        int segments = closed ? n : n - 1;
        for (int i = 0; i < segments; i++) {
            int j = (i + 1) % n;
            length += GeometricValues.distance(points[2 * i], points[2 * i + 1], points[2 * j], points[2 * j + 1]);
        }
        return length;
    }
}
