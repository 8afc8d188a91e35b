package io.basalt.type.geometric;

/**
 * Constructions shared by the geometric types' input and functions, with PostgreSQL's fuzzy comparisons: two
 * coordinates within {@value #EPSILON} of each other are equal (geo_decls.h's FPeq and its relatives).
 */
public final class GeometricValues {
    public static final double EPSILON = 1.0E-06;

    private GeometricValues() {
    }

    public static boolean fuzzyEquals(double a, double b) {
        return a == b || Math.abs(a - b) <= EPSILON;
    }

    public static boolean fuzzyLess(double a, double b) {
        return b - a > EPSILON;
    }

    public static boolean fuzzyLessOrEqual(double a, double b) {
        return a - b <= EPSILON;
    }

    public static boolean fuzzyGreater(double a, double b) {
        return a - b > EPSILON;
    }

    public static boolean fuzzyGreaterOrEqual(double a, double b) {
        return b - a <= EPSILON;
    }

    /** A box's stored coordinates from two opposite corners: upper right first, then lower left. */
    public static double[] box(double x1, double y1, double x2, double y2) {
        return new double[] {Math.max(x1, x2), Math.max(y1, y2), Math.min(x1, x2), Math.min(y1, y2)};
    }

    /** The slope of the line through two points, as point_sl computes it (infinite when vertical). */
    public static double slope(double x1, double y1, double x2, double y2) {
        if (fuzzyEquals(x1, x2)) {
            return Double.POSITIVE_INFINITY;
        }
        if (fuzzyEquals(y1, y2)) {
            return 0.0;
        }
        return (y1 - y2) / (x1 - x2);
    }

    /** The coefficients {A, B, C} of the line through two points (line_construct over point_sl). */
    public static double[] lineThrough(double x1, double y1, double x2, double y2) {
        double m = slope(x1, y1, x2, y2);
        if (Double.isInfinite(m)) {
            return new double[] {-1.0, 0.0, x1};
        }
        if (m == 0) {
            return new double[] {0.0, -1.0, y1};
        }
        double c = y1 - m * x1;
        return new double[] {m, -1.0, c == 0.0 ? 0.0 : c};
    }

    /** The distance between two points, as point_dt computes it (hypot). */
    public static double distance(double x1, double y1, double x2, double y2) {
        return Math.hypot(x1 - x2, y1 - y2);
    }
}
