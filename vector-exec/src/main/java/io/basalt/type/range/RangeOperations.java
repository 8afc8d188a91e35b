package io.basalt.type.range;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;

/**
 * The range operators and functions over {@link Range} values, as PostgreSQL's rangetypes.c defines them:
 * containment, overlap, position ({@code << >> &< &>}), adjacency, union, intersection, difference and
 * range_merge. Bounds are compared by key ({@link RangeKey#compare}); a bound's place among bounds at the same value
 * depends on whether it is a lower or an upper bound and whether it is inclusive (range_cmp_bounds).
 */
public final class RangeOperations {
    private final RangeType type;

    public RangeOperations(RangeType type) {
        this.type = type;
    }

    /** range_cmp_bounds: the order of two bounds, each a key (null: infinite), inclusive flag and side. */
    private int compareBounds(byte[] key1, boolean inclusive1, boolean lower1, byte[] key2, boolean inclusive2,
                              boolean lower2) {
        if (key1 == null && key2 == null) {
            return lower1 == lower2 ? 0 : lower1 ? -1 : 1;
        }
        if (key1 == null) {
            return lower1 ? -1 : 1;
        }
        if (key2 == null) {
            return lower2 ? 1 : -1;
        }
        int order = RangeKey.compare(key1, key2, type.subtype());
        if (order == 0) {
            if (!inclusive1 && !inclusive2) {
                return lower1 == lower2 ? 0 : lower1 ? 1 : -1;
            }
            if (!inclusive1) {
                return lower1 ? 1 : -1;
            }
            if (!inclusive2) {
                return lower2 ? -1 : 1;
            }
        }
        return order;
    }

    private int lowerLower(Range a, Range b) {
        return compareBounds(a.lower(), a.lowerInclusive(), true, b.lower(), b.lowerInclusive(), true);
    }

    private int upperUpper(Range a, Range b) {
        return compareBounds(a.upper(), a.upperInclusive(), false, b.upper(), b.upperInclusive(), false);
    }

    private int lowerUpper(Range a, Range b) {
        return compareBounds(a.lower(), a.lowerInclusive(), true, b.upper(), b.upperInclusive(), false);
    }

    private int upperLower(Range a, Range b) {
        return compareBounds(a.upper(), a.upperInclusive(), false, b.lower(), b.lowerInclusive(), true);
    }

    /** {@code a @> b}. */
    public boolean contains(Range a, Range b) {
        if (b.empty()) {
            return true;
        }
        if (a.empty()) {
            return false;
        }
        return lowerLower(a, b) <= 0 && upperUpper(a, b) >= 0;
    }

    /** {@code a @> element}, the element given by its key. */
    public boolean containsElement(Range a, byte[] element) {
        if (a.empty()) {
            return false;
        }
        if (a.lower() != null) {
            int order = RangeKey.compare(a.lower(), element, type.subtype());
            if (order > 0 || order == 0 && !a.lowerInclusive()) {
                return false;
            }
        }
        if (a.upper() != null) {
            int order = RangeKey.compare(a.upper(), element, type.subtype());
            return order > 0 || order == 0 && a.upperInclusive();
        }
        return true;
    }

    /** {@code a && b}. */
    public boolean overlaps(Range a, Range b) {
        if (a.empty() || b.empty()) {
            return false;
        }
        return lowerLower(a, b) >= 0 && lowerUpper(a, b) <= 0 || lowerLower(b, a) >= 0 && lowerUpper(b, a) <= 0;
    }

    /** {@code a << b}: a ends before b starts. */
    public boolean leftOf(Range a, Range b) {
        return !a.empty() && !b.empty() && upperLower(a, b) < 0;
    }

    /** {@code a >> b}. */
    public boolean rightOf(Range a, Range b) {
        return !a.empty() && !b.empty() && lowerUpper(a, b) > 0;
    }

    /** {@code a &< b}: a does not extend to the right of b. */
    public boolean notExtendRight(Range a, Range b) {
        return !a.empty() && !b.empty() && upperUpper(a, b) <= 0;
    }

    /** {@code a &> b}: a does not extend to the left of b. */
    public boolean notExtendLeft(Range a, Range b) {
        return !a.empty() && !b.empty() && lowerLower(a, b) >= 0;
    }

    /** {@code a -|- b}: one ends where the other starts, neither overlapping nor leaving a gap. */
    public boolean adjacent(Range a, Range b) {
        if (a.empty() || b.empty()) {
            return false;
        }
        return touches(a.upper(), a.upperInclusive(), b.lower(), b.lowerInclusive())
                || touches(b.upper(), b.upperInclusive(), a.lower(), a.lowerInclusive());
    }

    private boolean touches(byte[] upper, boolean upperInclusive, byte[] lower, boolean lowerInclusive) {
        if (upper == null || lower == null) {
            return false;
        }
        return RangeKey.compare(upper, lower, type.subtype()) == 0 && upperInclusive != lowerInclusive;
    }

    /** {@code a + b}. @throws BasaltException 22000 when the ranges neither overlap nor touch */
    public Range union(Range a, Range b) {
        if (a.empty()) {
            return b;
        }
        if (b.empty()) {
            return a;
        }
        if (!overlaps(a, b) && !adjacent(a, b)) {
            throw BasaltException.of(SqlState.DATA_EXCEPTION, "result of range union would not be contiguous");
        }
        return merge(a, b);
    }

    /** range_merge(a, b): the smallest range holding both. */
    public Range merge(Range a, Range b) {
        if (a.empty()) {
            return b;
        }
        if (b.empty()) {
            return a;
        }
        Range lower = lowerLower(a, b) <= 0 ? a : b;
        Range upper = upperUpper(a, b) >= 0 ? a : b;
        return Range.of(type, lower.lower(), lower.lowerInclusive(), upper.upper(), upper.upperInclusive());
    }

    /** {@code a * b}. */
    public Range intersection(Range a, Range b) {
        if (a.empty() || b.empty() || !overlaps(a, b)) {
            return Range.EMPTY;
        }
        Range lower = lowerLower(a, b) >= 0 ? a : b;
        Range upper = upperUpper(a, b) <= 0 ? a : b;
        return Range.of(type, lower.lower(), lower.lowerInclusive(), upper.upper(), upper.upperInclusive());
    }

    /** {@code a - b}. @throws BasaltException 22000 when b lies strictly inside a */
    public Range difference(Range a, Range b) {
        if (a.empty() || b.empty()) {
            return a;
        }
        int lowerLower = lowerLower(a, b);
        int lowerUpper = lowerUpper(a, b);
        int upperLower = upperLower(a, b);
        int upperUpper = upperUpper(a, b);
        if (lowerLower < 0 && upperUpper > 0) {
            throw BasaltException.of(SqlState.DATA_EXCEPTION, "result of range difference would not be contiguous");
        }
        if (lowerUpper > 0 || upperLower < 0) {
            return a;
        }
        if (lowerLower >= 0 && upperUpper <= 0) {
            return Range.EMPTY;
        }
        if (lowerLower <= 0 && upperLower >= 0 && upperUpper <= 0) {
            return Range.of(type, a.lower(), a.lowerInclusive(), b.lower(), !b.lowerInclusive());
        }
        if (lowerLower >= 0 && upperUpper >= 0 && lowerUpper <= 0) {
            return Range.of(type, b.upper(), !b.upperInclusive(), a.upper(), a.upperInclusive());
        }
        throw BasaltException.internal("unexpected case in range difference");
    }
}
