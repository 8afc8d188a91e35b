package io.basalt.optimizer.statistics;

import io.basalt.type.LogicalType;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Places values of ordered numeric-like types on the number line, so that a range condition's constant can be
 * compared with a column's gathered low and high values: integers, floating point, NUMERIC (scaled integers
 * divided by their scale), dates (epoch days) and timestamps (epoch microseconds). Other types have no position.
 */
public final class NumberLine {
    private NumberLine() {
    }

    /** Whether values of {@code type} have a position. */
    public static boolean places(LogicalType type) {
        return type.isNumber() || type.isDateTime();
    }

    /** The position of {@code value} (canonical form, see ValueAccess) of type {@code type}, or NaN. */
    public static double position(Object value, LogicalType type) {
        if (value == null || !places(type)) {
            return Double.NaN;
        }
        double position = switch (value) {
            case Long number -> number;
            case Integer number -> number;
            case Double number -> number;
            case BigDecimal number -> number.doubleValue();
            case BigInteger number -> number.doubleValue();
            default -> Double.NaN;
        };
        if (type.isNumeric() && !(value instanceof BigDecimal) && !(value instanceof Double) && type.scale() > 0) {
            position /= Math.pow(10, type.scale());
        }
        return position;
    }
}
