package io.basalt.bench.harness;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Decides whether two engines returned the same result. Integers, decimals, strings, dates and booleans
 * must be equal exactly (decimals by value: 1.50 equals 1.5); where either side is floating point the
 * values may differ by 1e-9 relative (or 1e-15 absolute, for results that are zero up to rounding), since
 * summation order differs between engines. Rows are compared in
 * order when the query fixes an order (a top-level ORDER BY), otherwise both sides are sorted first.
 * Column names are not compared: engines label expressions differently.
 */
public final class ResultComparator {
    /** Largest relative difference accepted between floating-point values. */
    public static final double RELATIVE_TOLERANCE = 1e-9;
    /**
     * Largest absolute difference accepted: a statistic whose true value is 0 (h2o q9's squared correlation
     * of a group with no correlation) comes out as rounding noise around 1e-30 whose digits depend on each
     * engine's summation order, so relative comparison alone would call two equally right answers different.
     */
    public static final double ABSOLUTE_TOLERANCE = 1e-15;

    /** The verdict: whether the results match, and if not, the first difference found. */
    public record Comparison(boolean matches, String difference) {
        static final Comparison MATCH = new Comparison(true, "");

        static Comparison mismatch(String difference) {
            return new Comparison(false, difference);
        }
    }

    private ResultComparator() {
    }

    public static Comparison compare(ResultTable actual, ResultTable expected, boolean ordered) {
        if (actual.columns().size() != expected.columns().size()) {
            return Comparison.mismatch(actual.columns().size() + " columns vs " + expected.columns().size());
        }
        if (actual.rowCount() != expected.rowCount()) {
            return Comparison.mismatch(actual.rowCount() + " rows vs " + expected.rowCount());
        }
        List<Object[]> left = actual.rows();
        List<Object[]> right = expected.rows();
        if (!ordered) {
            left = sorted(left);
            right = sorted(right);
        }
        for (int row = 0; row < left.size(); row++) {
            Object[] a = left.get(row);
            Object[] b = right.get(row);
            for (int column = 0; column < a.length; column++) {
                if (!valuesMatch(a[column], b[column])) {
                    Comparison mismatch = Comparison.mismatch("row " + (row + 1) + " column "
                            + expected.columns().get(column) + ": " + a[column] + " vs " + b[column]);
                    if (ordered && compare(actual, expected, false).matches()) {
                        return Comparison.mismatch("same rows in a different order; first at " + mismatch.difference());
                    }
                    return mismatch;
                }
            }
        }
        return Comparison.MATCH;
    }

    /** Whether two normalized values (see {@link ResultTable#normalize}) are the same result value. */
    public static boolean valuesMatch(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a instanceof Double || b instanceof Double) {
            if (!(isNumber(a) && isNumber(b))) {
                return false;
            }
            double x = ((Number) a).doubleValue();
            double y = ((Number) b).doubleValue();
            if (Double.isNaN(x) || Double.isNaN(y)) {
                return Double.isNaN(x) && Double.isNaN(y);
            }
            if (x == y) {
                return true;
            }
            return Math.abs(x - y) <= RELATIVE_TOLERANCE * Math.max(Math.abs(x), Math.abs(y))
                    || Math.abs(x - y) <= ABSOLUTE_TOLERANCE;
        }
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        if (a.getClass() == b.getClass()) {
            return a.equals(b);
        }
        return a.toString().equals(b.toString());
    }

    private static boolean isNumber(Object value) {
        return value instanceof Double || value instanceof BigDecimal;
    }

    private static List<Object[]> sorted(List<Object[]> rows) {
        List<Object[]> copy = new ArrayList<>(rows);
        copy.sort(ROW_ORDER);
        return copy;
    }

    /** Rows by their columns left to right; nulls first; numbers by value whatever their Java type. */
    private static final Comparator<Object[]> ROW_ORDER = (a, b) -> {
        for (int column = 0; column < Math.min(a.length, b.length); column++) {
            int order = compareValues(a[column], b[column]);
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.length, b.length);
    };

    private static int compareValues(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        if (isNumber(a) && isNumber(b)) {
            if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
                return x.compareTo(y);
            }
            return Double.compare(((Number) a).doubleValue(), ((Number) b).doubleValue());
        }
        if (a instanceof LocalDate x && b instanceof LocalDate y) {
            return x.compareTo(y);
        }
        if (a instanceof Boolean x && b instanceof Boolean y) {
            return x.compareTo(y);
        }
        return a.toString().compareTo(b.toString());
    }
}
