package io.basalt.exec.function.scalar;

import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import java.util.List;

/**
 * Resolution of the integer and NUMERIC functions that have no double precision variant: gcd and lcm
 * (integer, bigint, numeric), factorial(bigint), div, log(base, x), scale, min_scale, trim_scale and numeric_inc
 * (numeric),
 * width_bucket(operand, low, high, count) (numeric, or double precision when an argument is one),
 * with PostgreSQL's argument types (smallint and unknown literals widen to integer, other numbers to numeric).
 */
final class NumericFunctions {
    private NumericFunctions() {
    }

    /** The implementation for {@code name(types)} among these functions, or null. */
    static ScalarFunctions.Resolved resolve(String name, List<LogicalType> types) {
        int n = types.size();
        for (LogicalType type : types) {
            if (!type.isNumber() && type.id() != TypeId.UNKNOWN) {
                return null;
            }
        }
        switch (name) {
            case "gcd", "lcm" -> {
                if (n != 2) {
                    return null;
                }
                LogicalType common = common(types.get(0), types.get(1));
                if (common == null) {
                    return null;
                }
                return new ScalarFunctions.Resolved(new DivisorFunction(name.equals("lcm")), List.of(common, common),
                        common);
            }
            case "factorial" -> {
                if (n != 1 || !(types.getFirst().isIntegral() || types.getFirst().id() == TypeId.UNKNOWN)) {
                    return null;
                }
                return new ScalarFunctions.Resolved(new NumericFunction(NumericFunction.Kind.FACTORIAL),
                        List.of(LogicalType.BIGINT), LogicalType.NUMERIC);
            }
            case "div", "log" -> {
                if (n != 2 || anyDouble(types)) {
                    return null;
                }
                NumericFunction.Kind kind = name.equals("div") ? NumericFunction.Kind.DIV : NumericFunction.Kind.LOG;
                return new ScalarFunctions.Resolved(new NumericFunction(kind),
                        List.of(LogicalType.NUMERIC, LogicalType.NUMERIC), LogicalType.NUMERIC);
            }
            case "width_bucket" -> {
                if (n != 4) {
                    return null;
                }
                boolean exact = !anyDouble(types);
                LogicalType bound = exact ? LogicalType.NUMERIC : LogicalType.DOUBLE;
                return new ScalarFunctions.Resolved(new WidthBucketFunction(exact),
                        List.of(bound, bound, bound, LogicalType.INTEGER), LogicalType.INTEGER);
            }
            case "numeric_inc" -> {
                if (n != 1 || anyDouble(types)) {
                    return null;
                }
                return new ScalarFunctions.Resolved(new NumericFunction(NumericFunction.Kind.INC),
                        List.of(LogicalType.NUMERIC), LogicalType.NUMERIC);
            }
            case "scale", "min_scale", "trim_scale" -> {
                if (n != 1 || anyDouble(types)) {
                    return null;
                }
                NumericFunction.Kind kind = switch (name) {
                    case "scale" -> NumericFunction.Kind.SCALE;
                    case "min_scale" -> NumericFunction.Kind.MIN_SCALE;
                    default -> NumericFunction.Kind.TRIM_SCALE;
                };
                LogicalType result = kind == NumericFunction.Kind.TRIM_SCALE ? LogicalType.NUMERIC : LogicalType.INTEGER;
                return new ScalarFunctions.Resolved(new NumericFunction(kind), List.of(LogicalType.NUMERIC), result);
            }
            default -> {
                return null;
            }
        }
    }

    /** integer, bigint or numeric for gcd/lcm; null when a double precision operand rules them out. */
    private static LogicalType common(LogicalType a, LogicalType b) {
        if (anyDouble(List.of(a, b))) {
            return null;
        }
        if (a.isNumeric() || b.isNumeric()) {
            return LogicalType.NUMERIC;
        }
        if (a.id() == TypeId.BIGINT || b.id() == TypeId.BIGINT) {
            return LogicalType.BIGINT;
        }
        return LogicalType.INTEGER;
    }

    private static boolean anyDouble(List<LogicalType> types) {
        for (LogicalType type : types) {
            if (type.id() == TypeId.DOUBLE || type.id() == TypeId.REAL) {
                return true;
            }
        }
        return false;
    }
}
