package io.basalt.storage.table;

import io.basalt.exec.operator.scan.ScanPredicate;
import io.basalt.storage.column.ChunkStatistics;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Decides from a row group's zone maps whether any of its rows may satisfy a scan's predicates (all of them: they are
 * conjuncts). It answers "may match" whenever it cannot prove otherwise: a chunk without bounds (min/max null), a
 * value of a class it does not order, a column the group has no statistics for. Values are ordered as SQL orders
 * them: integers of any width numerically, floating point with -0 equal to 0 and NaN above everything, NUMERIC by
 * value whatever the scale, text by its UTF-8 bytes (the C collation), and other comparable values (dates,
 * timestamps) by their natural order when both sides are of the same class.
 */
public final class ZoneMapFilter {
    private ZoneMapFilter() {
    }

    /** Whether a row of a group with these per-column statistics (null entries: unknown) may satisfy all. */
    public static boolean mayMatch(List<ScanPredicate> predicates, ChunkStatistics[] statistics) {
        for (ScanPredicate predicate : predicates) {
            int column = predicate.column();
            ChunkStatistics chunk = column >= 0 && column < statistics.length ? statistics[column] : null;
            if (chunk != null && !mayMatch(predicate, chunk)) {
                return false;
            }
        }
        return true;
    }

    /** Whether a row of a chunk with {@code statistics} may satisfy {@code predicate}. */
    public static boolean mayMatch(ScanPredicate predicate, ChunkStatistics statistics) {
        int nonNull = statistics.rowCount() - statistics.nullCount();
        return switch (predicate) {
            case ScanPredicate.IsNull isNull -> isNull.negated() ? nonNull > 0 : statistics.nullCount() > 0;
            case ScanPredicate.Compare compare -> nonNull > 0 && inRange(compare, statistics);
            case ScanPredicate.InList in -> nonNull > 0 && anyInRange(in, statistics);
            case ScanPredicate.Prefix prefix -> nonNull > 0 && prefixInRange(prefix.prefix(), statistics);
            case ScanPredicate.JsonbMatch match -> nonNull > 0;
            case ScanPredicate.IndexKey key -> true;
            case ScanPredicate.TextSearchKey key -> true;
        };
    }

    private static boolean inRange(ScanPredicate.Compare compare, ChunkStatistics statistics) {
        Integer toMin = compare(compare.value(), statistics.min());
        Integer toMax = compare(compare.value(), statistics.max());
        return switch (compare.operator()) {
            case EQ -> (toMin == null || toMin >= 0) && (toMax == null || toMax <= 0);
            case NE -> true;
            case LT -> toMin == null || toMin > 0;   // some value < v needs min < v
            case LE -> toMin == null || toMin >= 0;
            case GT -> toMax == null || toMax < 0;   // some value > v needs max > v
            case GE -> toMax == null || toMax <= 0;
        };
    }

    private static boolean anyInRange(ScanPredicate.InList in, ChunkStatistics statistics) {
        for (Object value : in.values()) {
            Integer toMin = compare(value, statistics.min());
            Integer toMax = compare(value, statistics.max());
            if ((toMin == null || toMin >= 0) && (toMax == null || toMax <= 0)) {
                return true;
            }
        }
        return false;
    }

    private static boolean prefixInRange(byte[] prefix, ChunkStatistics statistics) {
        if (!(statistics.min() instanceof String min) || !(statistics.max() instanceof String max)) {
            return true;
        }
        byte[] low = min.getBytes(StandardCharsets.UTF_8);
        byte[] high = max.getBytes(StandardCharsets.UTF_8);
        // a matching value s has p <= s, and s's first |p| bytes equal p
        if (compareBytes(high, high.length, prefix) < 0) {
            return false;
        }
        return compareBytes(low, Math.min(low.length, prefix.length), prefix) <= 0;
    }

    /**
     * The SQL order of {@code value} against a bound: negative, zero or positive; null when the bound is unknown or
     * the two cannot be ordered here.
     */
    static Integer compare(Object value, Object bound) {
        if (bound == null || value == null) {
            return null;
        }
        if (isInteger(value) && isInteger(bound)) {
            return Long.compare(((Number) value).longValue(), ((Number) bound).longValue());
        }
        if ((value instanceof Double || value instanceof Float) && (bound instanceof Double || bound instanceof Float)) {
            return Double.compare(normalize(((Number) value).doubleValue()), normalize(((Number) bound).doubleValue()));
        }
        if (value instanceof BigDecimal decimal && bound instanceof BigDecimal other) {
            return decimal.compareTo(other);
        }
        if (value instanceof String text && bound instanceof String other) {
            byte[] left = text.getBytes(StandardCharsets.UTF_8);
            return compareBytes(left, left.length, other.getBytes(StandardCharsets.UTF_8));
        }
        if (value.getClass() == bound.getClass() && value instanceof Comparable<?>) {
            @SuppressWarnings("unchecked")
            Comparable<Object> comparable = (Comparable<Object>) value;
            return comparable.compareTo(bound);
        }
        return null;
    }

    private static boolean isInteger(Object value) {
        return value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte;
    }

    private static double normalize(double value) {
        return value == 0.0 ? 0.0 : value;
    }

    /** Unsigned byte order of {@code left[0, leftLength)} against all of {@code right}. */
    private static int compareBytes(byte[] left, int leftLength, byte[] right) {
        int common = Math.min(leftLength, right.length);
        for (int i = 0; i < common; i++) {
            int difference = (left[i] & 0xFF) - (right[i] & 0xFF);
            if (difference != 0) {
                return difference;
            }
        }
        return Integer.compare(leftLength, right.length);
    }
}
