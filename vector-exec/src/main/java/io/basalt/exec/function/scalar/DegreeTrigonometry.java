package io.basalt.exec.function.scalar;

/**
 * Trigonometry in degrees as PostgreSQL computes it: the angle is folded into the first quadrant and the
 * sine and cosine there are scaled by their values at 30 and 60 degrees, and the inverses by theirs at 0.5
 * and 1, so that sind(30) is exactly 0.5, tand(45) exactly 1, asind(0.5) exactly 30, and so on.
 */
final class DegreeTrigonometry {
    private static final double RADIANS_PER_DEGREE = 0.0174532925199432957692;
    private static final double SIN_30 = Math.sin(30.0 * RADIANS_PER_DEGREE);
    private static final double ONE_MINUS_COS_60 = 1.0 - Math.cos(60.0 * RADIANS_PER_DEGREE);
    private static final double ASIN_0_5 = Math.asin(0.5);
    private static final double ACOS_0_5 = Math.acos(0.5);
    private static final double ATAN_1_0 = Math.atan(1.0);
    private static final double TAN_45 = sinFirstQuadrant(45.0) / cosFirstQuadrant(45.0);
    private static final double COT_45 = cosFirstQuadrant(45.0) / sinFirstQuadrant(45.0);

    private DegreeTrigonometry() {
    }

    static double apply(FloatFunction.Kind kind, double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        return switch (kind) {
            case ASIND -> x < -1 || x > 1 ? FloatFunction.outOfRange() : x >= 0 ? asinFirstQuadrant(x) : -asinFirstQuadrant(-x);
            case ACOSD -> x < -1 || x > 1 ? FloatFunction.outOfRange() : x >= 0 ? acosFirstQuadrant(x) : 90.0 + asinFirstQuadrant(-x);
            case ATAND -> Math.atan(x) / ATAN_1_0 * 45.0;
            default -> Double.isInfinite(x) ? FloatFunction.outOfRange() : periodic(kind, x);
        };
    }

    static double atan2d(double y, double x) {
        if (Double.isNaN(y) || Double.isNaN(x)) {
            return Double.NaN;
        }
        return Math.atan2(y, x) / ATAN_1_0 * 45.0;
    }

    private static double periodic(FloatFunction.Kind kind, double x) {
        double angle = x % 360.0;
        double sign = 1.0;
        switch (kind) {
            case SIND -> {
                if (angle < 0) {
                    angle = -angle;
                    sign = -sign;
                }
                if (angle > 180) {
                    angle = 360 - angle;
                    sign = -sign;
                }
                if (angle > 90) {
                    angle = 180 - angle;
                }
                return sign * sinFirstQuadrant(angle);
            }
            case COSD -> {
                if (angle < 0) {
                    angle = -angle;
                }
                if (angle > 180) {
                    angle = 360 - angle;
                }
                if (angle > 90) {
                    angle = 180 - angle;
                    sign = -sign;
                }
                return sign * cosFirstQuadrant(angle);
            }
            default -> {
                if (angle < 0) {
                    angle = -angle;
                    sign = -sign;
                }
                if (angle > 180) {
                    angle = 360 - angle;
                    sign = -sign;
                }
                if (angle > 90) {
                    angle = 180 - angle;
                    sign = -sign;
                }
                double result = kind == FloatFunction.Kind.TAND
                        ? sign * (sinFirstQuadrant(angle) / cosFirstQuadrant(angle) / TAN_45)
                        : sign * (cosFirstQuadrant(angle) / sinFirstQuadrant(angle) / COT_45);
                // no minus zero, as PostgreSQL
                return result == 0.0 ? 0.0 : result;
            }
        }
    }

    private static double sinUpTo30(double x) {
        return Math.sin(x * RADIANS_PER_DEGREE) / SIN_30 / 2.0;
    }

    private static double cosUpTo60(double x) {
        double oneMinusCos = 1.0 - Math.cos(x * RADIANS_PER_DEGREE);
        return 1.0 - oneMinusCos / ONE_MINUS_COS_60 / 2.0;
    }

    private static double sinFirstQuadrant(double x) {
        return x <= 30.0 ? sinUpTo30(x) : cosUpTo60(90.0 - x);
    }

    private static double cosFirstQuadrant(double x) {
        return x <= 60.0 ? cosUpTo60(x) : sinUpTo30(90.0 - x);
    }

    private static double asinFirstQuadrant(double x) {
        return x <= 0.5 ? Math.asin(x) / ASIN_0_5 * 30.0 : 90.0 - Math.acos(x) / ACOS_0_5 * 60.0;
    }

    private static double acosFirstQuadrant(double x) {
        return x <= 0.5 ? 90.0 - Math.asin(x) / ASIN_0_5 * 30.0 : Math.acos(x) / ACOS_0_5 * 60.0;
    }
}
