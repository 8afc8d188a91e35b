package io.basalt.storage.column;

import io.basalt.exec.operator.scan.ScanPredicate;
import io.basalt.storage.column.encoding.BinaryMatcher;
import io.basalt.storage.column.encoding.LongRanges;
import io.basalt.type.LogicalType;
import io.basalt.type.NumericSpecial;
import io.basalt.type.TypeId;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Translates the {@link ScanPredicate}s on one column into what the encoded-chunk filters evaluate: for columns stored
 * as one integer stream, the set of stored integers ({@link LongRanges}) a row must hold; for text columns a
 * {@link BinaryMatcher}. A predicate whose constant this class cannot place exactly in the column's stored form is
 * left out (the set only grows, so the result is still a superset of the matching rows, which is all a scan needs:
 * the full filter runs above it). Stored forms: SMALLINT, INTEGER, BIGINT the value; DATE the epoch day; TIMESTAMP[TZ]
 * epoch microseconds; NUMERIC(p &lt;= 18, s) the value times 10^s (constants given as BigDecimal, rounded outward,
 * or as a Long already at the column's scale, which is how the planner pushes them and the zone maps hold them;
 * NaN is stored as the largest long, above every number, as PostgreSQL orders it, so a bound saturated at the long
 * range keeps it).
 */
final class PredicateConditions {
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private PredicateConditions() {
    }

    /** Whether a column of {@code type} is one integer stream whose order is the column's. */
    static boolean isIntegerStream(LogicalType type) {
        TypeId id = type.id();
        return id == TypeId.SMALLINT || id == TypeId.INTEGER || id == TypeId.BIGINT || id == TypeId.DATE
                || id == TypeId.TIMESTAMP || id == TypeId.TIMESTAMPTZ || type.isScaledLong();
    }

    /** Whether a column of {@code type} is a text stream compared bytewise. */
    static boolean isTextStream(LogicalType type) {
        return type.id() == TypeId.TEXT || type.id() == TypeId.VARCHAR;
    }

    /**
     * The stored integers a row of a column of {@code type} must hold to satisfy the value conditions among
     * {@code predicates}, or null when none of them could be translated.
     */
    static LongRanges integerRanges(List<ScanPredicate> predicates, LogicalType type) {
        LongRanges ranges = null;
        for (ScanPredicate predicate : predicates) {
            LongRanges one = switch (predicate) {
                case ScanPredicate.Compare compare -> compareRanges(compare, type);
                case ScanPredicate.InList in -> inRanges(in, type);
                case ScanPredicate.IsNull isNull -> null;
                case ScanPredicate.Prefix prefix -> null;
                case ScanPredicate.JsonbMatch match -> null;
                case ScanPredicate.IndexKey key -> null;
                case ScanPredicate.TextSearchKey key -> null;
            };
            if (one != null) {
                ranges = ranges == null ? one : ranges.intersect(one);
            }
        }
        return ranges;
    }

    private static LongRanges compareRanges(ScanPredicate.Compare compare, LogicalType type) {
        if (type.isScaledLong() && !(compare.value() instanceof Long)) {
            if (!(compare.value() instanceof BigDecimal decimal) || decimal instanceof NumericSpecial) {
                return null;
            }
            BigDecimal scaled = decimal.movePointRight(type.scale());
            long floor = clamp(scaled.setScale(0, RoundingMode.FLOOR).toBigInteger());
            long ceiling = clamp(scaled.setScale(0, RoundingMode.CEILING).toBigInteger());
            // x < v: x <= ceil(v) - 1 when v is not whole, x <= v - 1 when it is; both are ceiling - 1 (saturated)
            return switch (compare.operator()) {
                // a constant between two stored values equals none of them, unless it lies beyond the stored range
                case EQ -> floor == ceiling ? LongRanges.range(floor, floor)
                        : floor == Long.MIN_VALUE || ceiling == Long.MAX_VALUE ? LongRanges.range(floor, ceiling)
                        : LongRanges.none();
                case NE -> null;
                case LT -> LongRanges.range(Long.MIN_VALUE, ceiling == Long.MIN_VALUE ? ceiling : ceiling - 1);
                case LE -> LongRanges.range(Long.MIN_VALUE, floor);
                case GT -> LongRanges.range(floor == Long.MAX_VALUE ? floor : floor + 1, Long.MAX_VALUE);
                case GE -> LongRanges.range(ceiling, Long.MAX_VALUE);
            };
        }
        if (!(compare.value() instanceof Long value)) {
            return null;
        }
        return switch (compare.operator()) {
            case EQ -> LongRanges.range(value, value);
            case NE -> null;
            case LT -> value == Long.MIN_VALUE ? LongRanges.none() : LongRanges.range(Long.MIN_VALUE, value - 1);
            case LE -> LongRanges.range(Long.MIN_VALUE, value);
            case GT -> value == Long.MAX_VALUE ? LongRanges.none() : LongRanges.range(value + 1, Long.MAX_VALUE);
            case GE -> LongRanges.range(value, Long.MAX_VALUE);
        };
    }

    private static LongRanges inRanges(ScanPredicate.InList in, LogicalType type) {
        long[] points = new long[in.values().size()];
        int count = 0;
        for (Object value : in.values()) {
            if (type.isScaledLong() && value instanceof BigDecimal decimal && !(decimal instanceof NumericSpecial)) {
                BigDecimal scaled = decimal.movePointRight(type.scale());
                long floor = clamp(scaled.setScale(0, RoundingMode.FLOOR).toBigInteger());
                long ceiling = clamp(scaled.setScale(0, RoundingMode.CEILING).toBigInteger());
                if (floor == ceiling) {
                    points[count++] = floor;
                } else if (floor == Long.MIN_VALUE || ceiling == Long.MAX_VALUE) {
                    return null;  // beyond the stored range, where the special values lie: not placed
                }
                // else no stored value equals it
            } else if (value instanceof Long number) {
                points[count++] = number;
            } else {
                return null;
            }
        }
        return LongRanges.points(java.util.Arrays.copyOf(points, count));
    }

    private static long clamp(BigInteger value) {
        return value.compareTo(LONG_MAX) > 0 ? Long.MAX_VALUE : value.compareTo(LONG_MIN) < 0 ? Long.MIN_VALUE
                : value.longValue();
    }

    /** The byte conditions among {@code predicates} on a text column, or null when none could be translated. */
    static BinaryMatcher textMatcher(List<ScanPredicate> predicates) {
        BinaryMatcher matcher = new BinaryMatcher();
        for (ScanPredicate predicate : predicates) {
            switch (predicate) {
                case ScanPredicate.Compare compare when compare.value() instanceof String text -> {
                    BinaryMatcher.Kind kind = switch (compare.operator()) {
                        case EQ -> BinaryMatcher.Kind.EQUAL;
                        case NE -> null;
                        case LT -> BinaryMatcher.Kind.LESS;
                        case LE -> BinaryMatcher.Kind.LESS_OR_EQUAL;
                        case GT -> BinaryMatcher.Kind.GREATER;
                        case GE -> BinaryMatcher.Kind.GREATER_OR_EQUAL;
                    };
                    if (kind != null) {
                        matcher.add(kind, text.getBytes(StandardCharsets.UTF_8));
                    }
                }
                case ScanPredicate.InList in -> {
                    List<byte[]> constants = new ArrayList<>();
                    for (Object value : in.values()) {
                        if (!(value instanceof String text)) {
                            constants = null;
                            break;
                        }
                        constants.add(text.getBytes(StandardCharsets.UTF_8));
                    }
                    if (constants != null) {
                        matcher.addIn(constants);
                    }
                }
                case ScanPredicate.Prefix prefix -> matcher.add(BinaryMatcher.Kind.PREFIX, prefix.prefix());
                default -> {
                    // IS [NOT] NULL is decided on the validity mask; other constants are not placed
                }
            }
        }
        return matcher.isEmpty() ? null : matcher;
    }
}
