package io.basalt.optimizer.rule;

import io.basalt.error.BasaltException;
import io.basalt.exec.kernel.CompareOp;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.logical.LogicalPlan;
import io.basalt.planner.ConstantEvaluator;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adds to a filter whose conjunct is an OR of ranges of one column the range that holds them all: when every
 * branch bounds column {@code c} from below by a constant, {@code c} is at least the least of those bounds (the
 * same above). When the branches are nothing but ranges of {@code c} and together cover one interval without
 * gaps, that interval replaces the OR.
 *
 * <pre>
 * before: Filter [(((#0 &gt;= 1) AND (#0 &lt;= 11)) OR ((#0 &gt;= 10) AND (#0 &lt;= 20)) OR ((#0 &gt;= 20) AND (#0 &lt;= 30))), (#1 = 'a')]
 *           Scan t [0, 1]
 * after:  Filter [(#0 &gt;= 1), (#0 &lt;= 30), (#1 = 'a')]
 *           Scan t [0, 1]
 * </pre>
 *
 * TPC-H's Q19 gives its line items three overlapping quantity ranges, one per branch ({@link
 * DeriveInputFiltersFromOr} collects them into the filter of lineitem): as two comparisons of a number with a
 * constant they are the cheapest conjuncts of the scan's filter, run first as a SIMD selection over all rows, where
 * the OR was an expression tree evaluated after the string comparisons. A row whose column is NULL fails both the OR
 * and the interval. Applies to integers, dates and NUMERICs compared with constants of the column's own type (so
 * that the constants' values order as the column's do); other ORs are left as they are.
 * {@code -Dbasalt.range_hull=false} turns the rule off (read at each plan, so that one JVM can compare both).
 */
public final class RangeHullOfOr implements OptimizerRule {
    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        return Boolean.parseBoolean(System.getProperty("basalt.range_hull", "true")) ? rewrite(plan) : plan;
    }

    private LogicalPlan rewrite(LogicalPlan plan) {
        return switch (plan) {
            case LogicalPlan.Filter filter -> new LogicalPlan.Filter(rewrite(filter.input()), withHulls(filter.conjuncts()));
            default -> PlanInputs.map(plan, this::rewrite);
        };
    }

    private static List<BoundExpression> withHulls(List<BoundExpression> conjuncts) {
        List<BoundExpression> out = new ArrayList<>();
        for (BoundExpression conjunct : conjuncts) {
            if (conjunct instanceof BoundExpression.Logical or && !or.isAnd()) {
                out.addAll(hulls(or));
            } else {
                out.add(conjunct);
            }
        }
        return out;
    }

    /** One end of a range: {@code column op constant} with op one of {@code > >= < <= =}. */
    private record Bound(BoundExpression.ColumnRef column, CompareOp operator, BoundExpression constant,
                         Comparable<Object> value) {
        boolean lower() {
            return operator == CompareOp.GT || operator == CompareOp.GE || operator == CompareOp.EQ;
        }

        boolean upper() {
            return operator == CompareOp.LT || operator == CompareOp.LE || operator == CompareOp.EQ;
        }

        boolean inclusive() {
            return operator == CompareOp.GE || operator == CompareOp.LE || operator == CompareOp.EQ;
        }
    }

    /** A branch's tightest bounds on one column; either end null when the branch leaves it open. */
    private record Range(Bound low, Bound high) {
        Range with(Bound bound) {
            Bound newLow = bound.lower() && tighterLow(bound, low) ? bound : low;
            Bound newHigh = bound.upper() && tighterHigh(bound, high) ? bound : high;
            return new Range(newLow, newHigh);
        }

        boolean empty() {
            if (low == null || high == null) {
                return false;
            }
            int order = low.value().compareTo(high.value());
            return order > 0 || order == 0 && !(low.inclusive() && high.inclusive());
        }
    }

    private static boolean tighterLow(Bound candidate, Bound current) {
        if (current == null) {
            return true;
        }
        int order = candidate.value().compareTo(current.value());
        return order > 0 || order == 0 && !candidate.inclusive() && current.inclusive();
    }

    private static boolean tighterHigh(Bound candidate, Bound current) {
        if (current == null) {
            return true;
        }
        int order = candidate.value().compareTo(current.value());
        return order < 0 || order == 0 && !candidate.inclusive() && current.inclusive();
    }

    /**
     * {@code or} followed by the hull of every column all its branches bound, or only the hull when it is
     * exactly the OR.
     */
    private static List<BoundExpression> hulls(BoundExpression.Logical or) {
        List<Map<Integer, Range>> branches = new ArrayList<>();
        boolean onlyRanges = true;
        for (BoundExpression branch : or.operands()) {
            List<BoundExpression> parts = branch instanceof BoundExpression.Logical and && and.isAnd()
                    ? and.operands() : List.of(branch);
            Map<Integer, Range> ranges = new LinkedHashMap<>();
            for (BoundExpression part : parts) {
                Bound bound = bound(part);
                if (bound == null) {
                    onlyRanges = false;
                    continue;
                }
                ranges.merge(bound.column().index(), new Range(null, null).with(bound), (a, b) -> a.with(
                        b.low() != null ? b.low() : b.high()));
            }
            branches.add(ranges);
        }
        List<BoundExpression> hull = new ArrayList<>();
        int hullColumns = 0;
        for (Map.Entry<Integer, Range> first : branches.getFirst().entrySet()) {
            int column = first.getKey();
            Bound low = first.getValue().low();
            Bound high = first.getValue().high();
            boolean everywhere = true;
            boolean inList = true;
            for (Map<Integer, Range> branch : branches) {
                Range range = branch.get(column);
                if (range == null || !sameType(range, first.getValue())) {
                    everywhere = false;
                    break;
                }
                inList &= range.low() != null && range.low().operator() == CompareOp.EQ;
                low = low == null || range.low() == null ? null : looserLow(low, range.low());
                high = high == null || range.high() == null ? null : looserHigh(high, range.high());
            }
            // An IN list's equalities are tested at once already; the range around its values seldom narrows more.
            if (!everywhere || inList || low == null && high == null) {
                continue;
            }
            hullColumns++;
            if (low != null) {
                hull.add(comparison(low, low.inclusive() ? CompareOp.GE : CompareOp.GT));
            }
            if (high != null) {
                hull.add(comparison(high, high.inclusive() ? CompareOp.LE : CompareOp.LT));
            }
        }
        if (hull.isEmpty()) {
            return List.of(or);
        }
        boolean exact = onlyRanges && hullColumns == 1 && branches.stream().allMatch(b -> b.size() == 1)
                && withoutGaps(branches.stream().map(b -> b.values().iterator().next()).toList());
        List<BoundExpression> out = new ArrayList<>();
        if (!exact) {
            out.add(or);
        }
        out.addAll(hull);
        return out;
    }

    private static boolean sameType(Range a, Range b) {
        return any(a).column().type().equals(any(b).column().type())
                && classes(a) == classes(b) && classes(a) != null;
    }

    private static Bound any(Range range) {
        return range.low() != null ? range.low() : range.high();
    }

    /** The Java class of both ends' values, or null when they differ. */
    private static Class<?> classes(Range range) {
        Class<?> type = any(range).value().getClass();
        return range.high() != null && range.high().value().getClass() != type ? null : type;
    }

    private static Bound looserLow(Bound a, Bound b) {
        int order = a.value().compareTo(b.value());
        return order < 0 || order == 0 && a.inclusive() ? a : b;
    }

    private static Bound looserHigh(Bound a, Bound b) {
        int order = a.value().compareTo(b.value());
        return order > 0 || order == 0 && a.inclusive() ? a : b;
    }

    /** Whether the union of non-empty {@code ranges} is one interval (an open end reaches everything beyond). */
    private static boolean withoutGaps(List<Range> ranges) {
        if (ranges.stream().anyMatch(Range::empty)) {
            return false;
        }
        List<Range> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparing(Range::low, (a, b) -> a == null ? (b == null ? 0 : -1)
                : b == null ? 1 : a.value().compareTo(b.value()) != 0 ? a.value().compareTo(b.value())
                : Boolean.compare(b.inclusive(), a.inclusive())));
        Bound reach = sorted.getFirst().high();
        if (sorted.getFirst().low() == null && reach == null) {
            return true;
        }
        for (Range range : sorted.subList(1, sorted.size())) {
            if (reach == null) {
                return true;
            }
            Bound low = range.low();
            if (low != null) { // a range open below (sorted first) starts before any reach
                int order = low.value().compareTo(reach.value());
                if (order > 0 || order == 0 && !low.inclusive() && !reach.inclusive()) {
                    return false;
                }
            }
            reach = range.high() == null ? null : looserHigh(reach, range.high());
        }
        return true;
    }

    private static BoundExpression comparison(Bound bound, CompareOp operator) {
        return new BoundExpression.Comparison(operator, bound.column(), bound.constant(), bound.column().position());
    }

    /** {@code part} as a bound of a column by a constant of the column's type, or null. */
    @SuppressWarnings("unchecked")
    private static Bound bound(BoundExpression part) {
        if (!(part instanceof BoundExpression.Comparison comparison)) {
            return null;
        }
        CompareOp operator = comparison.operator();
        BoundExpression columnSide = comparison.left();
        BoundExpression constantSide = comparison.right();
        if (!(columnSide instanceof BoundExpression.ColumnRef)) {
            columnSide = comparison.right();
            constantSide = comparison.left();
            operator = operator.flip();
        }
        if (!(columnSide instanceof BoundExpression.ColumnRef column)
                || operator != CompareOp.LT && operator != CompareOp.LE && operator != CompareOp.GT
                && operator != CompareOp.GE && operator != CompareOp.EQ
                || !ordered(column.type()) || !constantSide.type().equals(column.type())
                || !ConstantEvaluator.isConstant(constantSide)) {
            return null;
        }
        Object value;
        try {
            value = ConstantEvaluator.evaluate(constantSide);
        } catch (BasaltException e) {
            return null; // the error is raised where the filter runs
        }
        if (!(value instanceof Long) && !(value instanceof BigDecimal)) {
            return null; // NULL, or a value (a NUMERIC's NaN) that orders apart from the others
        }
        return new Bound(column, operator, constantSide, (Comparable<Object>) value);
    }

    /** Types whose canonical values ({@code ValueAccess}) order as SQL orders them, for one type at a time. */
    private static boolean ordered(LogicalType type) {
        if (type.isArray()) {
            return false;
        }
        TypeId id = type.id();
        return id == TypeId.SMALLINT || id == TypeId.INTEGER || id == TypeId.BIGINT || id == TypeId.DATE
                || id == TypeId.NUMERIC;
    }
}
