package io.basalt.optimizer;

import io.basalt.exec.kernel.CompareOp;
import io.basalt.exec.operator.scan.ScanPredicate;
import io.basalt.optimizer.CardinalityEstimate.ColumnEstimate;
import io.basalt.optimizer.rule.ReadShreddedPaths;
import io.basalt.optimizer.statistics.GatheredStatistics;
import io.basalt.optimizer.statistics.ColumnStatistics;
import io.basalt.optimizer.statistics.NumberLine;
import io.basalt.optimizer.statistics.TableStatistics;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.expression.ColumnReferences;
import io.basalt.plan.logical.LogicalPlan;
import io.basalt.planner.ExpressionIndexPredicates;
import io.basalt.storage.table.TableStore;
import io.basalt.exec.function.json.JsonbExtractFunction;
import io.basalt.exec.function.json.PathValueFunction;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The fraction of its input's rows a condition keeps. With statistics: an equality with a constant keeps
 * 1 / distinct values, a range is interpolated between the column's low and high values, IS NULL keeps the
 * null fraction; a comparison of a JSON path's value ({@code doc->'a'->>'b'}, {@code (doc->>'n')::int}) uses the
 * path's statistics the same way. Without, PostgreSQL's defaults: 0.005 for an equality, 1/3 for a range, 0.005 for IS NULL;
 * anything else (LIKE, function calls) keeps a quarter. AND multiplies, OR adds what the other misses, NOT
 * complements.
 */
final class Selectivity {
    static final double DEFAULT_EQUALITY = 0.005;
    static final double DEFAULT_RANGE = 1.0 / 3;
    static final double DEFAULT_OTHER = 0.25;

    private Selectivity() {
    }

    /** The fraction of {@code input}'s rows for which {@code condition} (over {@code input}'s columns) holds. */
    static double of(BoundExpression condition, LogicalPlan input) {
        double indexed = indexedFraction(condition, input);
        if (!Double.isNaN(indexed)) {
            return indexed;
        }
        return switch (condition) {
            case BoundExpression.Constant constant -> Boolean.TRUE.equals(constant.value()) ? 1 : 0;
            case BoundExpression.Logical logical -> {
                double result = logical.isAnd() ? 1 : 0;
                for (BoundExpression operand : logical.operands()) {
                    double part = of(operand, input);
                    result = logical.isAnd() ? result * part : result + part - result * part;
                }
                yield result;
            }
            case BoundExpression.Not not -> 1 - of(not.operand(), input);
            case BoundExpression.IsNull isNull -> {
                double nulls = nullFraction(isNull.operand(), input);
                yield isNull.negated() ? 1 - nulls : nulls;
            }
            case BoundExpression.Comparison comparison -> comparison(comparison, input);
            default -> DEFAULT_OTHER;
        };
    }

    /**
     * The share of a table's rows for which {@code condition} holds, from the keys of an index over an expression the
     * condition compares with constants ({@code doc->>'brand' = 'x'}, {@code lower(name) IN (...)}, a range of
     * {@code (doc->>'ram')::int}), as PostgreSQL estimates such conditions from the statistics ANALYZE gathers on index
     * expressions; Basalt's index holds every key, so no ANALYZE is needed. NaN when {@code input} is not such a
     * table's scan (under filters, sorts and limits) or no index serves the condition.
     */
    private static double indexedFraction(BoundExpression condition, LogicalPlan input) {
        if (!(condition instanceof BoundExpression.Comparison)
                && !(condition instanceof BoundExpression.Logical any && !any.isAnd())) {
            return Double.NaN;
        }
        LogicalPlan below = input;
        while (true) {
            switch (below) {
                case LogicalPlan.Filter filter -> below = filter.input();
                case LogicalPlan.Sort sort -> below = sort.input();
                case LogicalPlan.Limit limit -> below = limit.input();
                default -> {
                    if (!(below instanceof LogicalPlan.Scan scan)
                            || !(scan.source().underlying() instanceof TableStore store)) {
                        return Double.NaN;
                    }
                    ScanPredicate.IndexKey key = ExpressionIndexPredicates.estimationKey(condition,
                            scan.columns(), store);
                    if (key == null) {
                        return Double.NaN;
                    }
                    double fraction = store.expressionKeyFraction(key);
                    // never quite zero: the rows may have changed by the time the plan runs
                    return Double.isNaN(fraction) ? Double.NaN : Math.max(fraction, 1e-6);
                }
            }
        }
    }

    /**
     * The fraction of the pairs of a {@code left} and a {@code right} row for which a join conjunct (over the
     * left's columns, then the right's) holds: an equality between the two sides by their distinct counts,
     * anything else as a filter would be.
     */
    static double ofJoin(BoundExpression conjunct, LogicalPlan left, LogicalPlan right, int leftWidth) {
        if (conjunct instanceof BoundExpression.Comparison comparison && comparison.operator() == CompareOp.EQ
                && comparison.left() instanceof BoundExpression.ColumnRef a
                && comparison.right() instanceof BoundExpression.ColumnRef b
                && (a.index() < leftWidth) != (b.index() < leftWidth)) {
            ColumnEstimate first = side(a.index(), left, right, leftWidth);
            ColumnEstimate second = side(b.index(), left, right, leftWidth);
            return CardinalityEstimate.equalitySelectivity(first, second);
        }
        if (conjunct instanceof BoundExpression.Constant constant) {
            return Boolean.TRUE.equals(constant.value()) ? 1 : 0;
        }
        BitSet columns = new BitSet();
        ColumnReferences.collect(conjunct, columns);
        if (columns.isEmpty() || columns.nextSetBit(0) >= leftWidth) {
            return columns.isEmpty() ? 1 : of(shift(conjunct, leftWidth, columns), right);
        }
        if (columns.length() <= leftWidth) {
            return of(conjunct, left);
        }
        return conjunct instanceof BoundExpression.Comparison comparison && comparison.operator() == CompareOp.EQ
                ? DEFAULT_EQUALITY : DEFAULT_RANGE;
    }

    private static ColumnEstimate side(int index, LogicalPlan left, LogicalPlan right, int leftWidth) {
        return index < leftWidth ? CardinalityEstimate.column(left, index)
                : CardinalityEstimate.column(right, index - leftWidth);
    }

    private static BoundExpression shift(BoundExpression conjunct, int leftWidth, BitSet columns) {
        int[] mapping = new int[columns.length()];
        for (int i = 0; i < mapping.length; i++) {
            mapping[i] = i - leftWidth;
        }
        return ColumnReferences.renumber(conjunct, mapping);
    }

    private static double comparison(BoundExpression.Comparison comparison, LogicalPlan input) {
        BoundExpression columnSide = comparison.left();
        BoundExpression constantSide = comparison.right();
        CompareOp operator = comparison.operator();
        if (constant(columnSide) != null && constant(constantSide) == null) {
            columnSide = comparison.right();
            constantSide = comparison.left();
            operator = mirror(operator);
        }
        BoundExpression.ColumnRef column = columnOf(columnSide);
        BoundExpression.Constant value = constant(constantSide);
        if (column == null && value != null) {
            double path = pathComparison(columnSide, operator, value, input);
            if (!Double.isNaN(path)) {
                return path;
            }
        }
        if (column == null || value == null) {
            if (column != null && columnOf(constantSide) != null) {
                // two columns of one input
                return operator == CompareOp.EQ ? DEFAULT_EQUALITY : operator == CompareOp.NE ? 1 - DEFAULT_EQUALITY
                        : DEFAULT_RANGE;
            }
            return operator == CompareOp.EQ ? DEFAULT_EQUALITY : operator == CompareOp.NE ? 1 - DEFAULT_EQUALITY
                    : DEFAULT_RANGE;
        }
        if (value.value() == null) {
            return 0;
        }
        ColumnEstimate estimate = CardinalityEstimate.column(input, column.index());
        ColumnStatistics statistics = statistics(input, column.index());
        double nonNull = statistics == null ? 1 : 1 - statistics.nullFraction();
        return switch (operator) {
            case EQ -> estimate.distinct() > 0 ? nonNull / estimate.distinct() : DEFAULT_EQUALITY;
            case NE -> estimate.distinct() > 0 ? nonNull * (1 - 1 / estimate.distinct()) : 1 - DEFAULT_EQUALITY;
            case LT, LE, GT, GE -> {
                double position = NumberLine.position(value.value(), value.type());
                if (statistics == null || !statistics.hasRange() || Double.isNaN(position)
                        || !comparable(column.type(), value.type())) {
                    yield DEFAULT_RANGE;
                }
                double width = statistics.high() - statistics.low();
                double below = width <= 0 ? (position >= statistics.low() ? 1 : 0)
                        : (position - statistics.low()) / width;
                below = Math.max(0, Math.min(1, below));
                double fraction = operator == CompareOp.LT || operator == CompareOp.LE ? below : 1 - below;
                if ((operator == CompareOp.LT || operator == CompareOp.GT) && estimate.distinct() > 0
                        && position >= statistics.low() && position <= statistics.high()) {
                    // a strict bound leaves out the rows equal to it
                    fraction -= 1 / estimate.distinct();
                }
                // never quite zero: the statistics may be stale
                yield nonNull * Math.max(fraction, 1e-4);
            }
        };
    }

    /**
     * A comparison of a JSON path's value ({@code doc->'a'->>'b'}, perhaps cast, or the read of its shredded path
     * column) with a constant, from the statistics ANALYZE gathered on the path; NaN when there are none.
     */
    private static double pathComparison(BoundExpression pathSide, CompareOp operator, BoundExpression.Constant value,
                                         LogicalPlan input) {
        BoundExpression extraction = pathSide;
        while (extraction instanceof BoundExpression.Cast cast) {
            extraction = cast.operand();
        }
        PathStatistics path = pathStatistics(extraction, input);
        if (path == null) {
            return Double.NaN;
        }
        if (value.value() == null) {
            return 0;
        }
        ColumnStatistics statistics = path.statistics();
        double nonNull = 1 - statistics.nullFraction();
        double distinct = path.distinct();
        if ((operator == CompareOp.EQ || operator == CompareOp.NE) && extraction == pathSide
                && value.value() instanceof String text && !statistics.mostCommon().isEmpty()) {
            double equal = commonEquality(statistics.mostCommon(), text, nonNull, distinct);
            return operator == CompareOp.EQ ? equal : Math.max(0, nonNull - equal);
        }
        return switch (operator) {
            case EQ -> distinct > 0 ? nonNull / distinct : 0;
            case NE -> distinct > 0 ? nonNull * (1 - 1 / distinct) : 0;
            case LT, LE, GT, GE -> {
                double position = NumberLine.position(value.value(), value.type());
                if (!statistics.hasRange() || Double.isNaN(position) || !pathSide.type().isNumber()
                        || !value.type().isNumber()) {
                    yield nonNull * DEFAULT_RANGE;
                }
                double width = statistics.high() - statistics.low();
                double below = width <= 0 ? (position >= statistics.low() ? 1 : 0)
                        : (position - statistics.low()) / width;
                below = Math.max(0, Math.min(1, below));
                double fraction = operator == CompareOp.LT || operator == CompareOp.LE ? below : 1 - below;
                if ((operator == CompareOp.LT || operator == CompareOp.GT) && distinct > 0
                        && position >= statistics.low() && position <= statistics.high()) {
                    fraction -= 1 / distinct;
                }
                yield nonNull * Math.max(fraction, 1e-4);
            }
        };
    }

    /**
     * The share of rows whose path value (as {@code ->>} gives it, uncast) equals {@code text}, as PostgreSQL's
     * var_eq_const estimates it: a listed most common value's own fraction; another value an even share of what the
     * list leaves to the values not in it, and never more than the least common listed value.
     */
    private static double commonEquality(io.basalt.optimizer.statistics.MostCommonValues mostCommon, String text,
                                         double nonNull, double distinct) {
        double listed = mostCommon.fraction(text);
        if (listed >= 0) {
            return listed;
        }
        double rest = Math.max(0, nonNull - mostCommon.total());
        double others = distinct - mostCommon.values().size();
        double share = others > 1 ? rest / others : rest;
        return Math.min(share, mostCommon.least());
    }

    /** A JSON path's gathered statistics and its distinct values scaled to the table's current rows. */
    private record PathStatistics(ColumnStatistics statistics, double distinct) {
    }

    /**
     * The statistics of the JSON path {@code extraction} reads: a chain of constant key extractions over a jsonb
     * column of {@code input}, or the read of a shredded path column standing for one; null otherwise or when ANALYZE
     * gathered none for it.
     */
    private static PathStatistics pathStatistics(BoundExpression extraction, LogicalPlan input) {
        if (extraction instanceof BoundExpression.Function call && call.function() instanceof PathValueFunction read
                && read.extraction() instanceof BoundExpression overTable) {
            // over the table's columns: find the scan below
            BoundExpression uncast = overTable;
            while (uncast instanceof BoundExpression.Cast cast) {
                uncast = cast.operand();
            }
            List<String> keys = new ArrayList<>();
            BoundExpression.ColumnRef document = ReadShreddedPaths.document(uncast, keys);
            LogicalPlan.Scan scan = scanBelow(input);
            return document == null || scan == null ? null : pathStatistics(scan, document.index(), keys);
        }
        List<String> keys = new ArrayList<>();
        BoundExpression.ColumnRef document = ReadShreddedPaths.document(extraction, keys);
        if (document == null || keys.isEmpty() || !(extraction instanceof BoundExpression.Function)) {
            return null;
        }
        int[] stored = {document.index()};
        LogicalPlan.Scan scan = scanOf(input, stored);
        return scan == null || stored[0] < 0 ? null : pathStatistics(scan, stored[0], keys);
    }

    private static PathStatistics pathStatistics(LogicalPlan.Scan scan, int tableColumn, List<String> keys) {
        TableStatistics table = GatheredStatistics.ofTable(scan.source());
        TableStatistics.Path path = new TableStatistics.Path(tableColumn, keys);
        if (table == null || !table.paths().containsKey(path)) {
            return null;
        }
        double rows = scan.source().underlying() instanceof TableStore store ? store.rowCount() : table.rowCount();
        return new PathStatistics(table.paths().get(path), table.distinct(path, rows));
    }

    /** The scan under filters, sorts and limits, or null. */
    private static LogicalPlan.Scan scanBelow(LogicalPlan plan) {
        return switch (plan) {
            case LogicalPlan.Scan scan -> scan;
            case LogicalPlan.Filter filter -> scanBelow(filter.input());
            case LogicalPlan.Sort sort -> scanBelow(sort.input());
            case LogicalPlan.Limit limit -> scanBelow(limit.input());
            default -> null;
        };
    }

    /**
     * The scan output column {@code column[0]} of {@code plan} comes from, following the column through filters,
     * column references of projections and either side of a join; {@code column[0]} is left as the table column.
     */
    private static LogicalPlan.Scan scanOf(LogicalPlan plan, int[] column) {
        return switch (plan) {
            case LogicalPlan.Scan scan -> {
                column[0] = column[0] < scan.columns().length ? scan.columns()[column[0]] : -1;
                yield scan;
            }
            case LogicalPlan.Filter filter -> scanOf(filter.input(), column);
            case LogicalPlan.Sort sort -> scanOf(sort.input(), column);
            case LogicalPlan.Limit limit -> scanOf(limit.input(), column);
            case LogicalPlan.Project project -> {
                if (!(project.expressions().get(column[0]) instanceof BoundExpression.ColumnRef ref)) {
                    yield null;
                }
                column[0] = ref.index();
                yield scanOf(project.input(), column);
            }
            case LogicalPlan.Join join -> {
                int leftWidth = join.left().outputTypes().size();
                if (column[0] < leftWidth) {
                    yield scanOf(join.left(), column);
                }
                if (!join.type().keepsRightColumns()) {
                    yield null;
                }
                column[0] -= leftWidth;
                yield scanOf(join.right(), column);
            }
            default -> null;
        };
    }

    /** Whether positions of the two types share a unit: two numbers, or two values of one date/time type. */
    private static boolean comparable(io.basalt.type.LogicalType column, io.basalt.type.LogicalType value) {
        return column.isNumber() && value.isNumber() || column.isDateTime() && column.id() == value.id();
    }

    private static CompareOp mirror(CompareOp operator) {
        return switch (operator) {
            case EQ, NE -> operator;
            case LT -> CompareOp.GT;
            case LE -> CompareOp.GE;
            case GT -> CompareOp.LT;
            case GE -> CompareOp.LE;
        };
    }

    /** The column an expression reads, looking through casts, or null. */
    private static BoundExpression.ColumnRef columnOf(BoundExpression expression) {
        BoundExpression current = expression;
        while (current instanceof BoundExpression.Cast cast) {
            current = cast.operand();
        }
        return current instanceof BoundExpression.ColumnRef column ? column : null;
    }

    /** The constant an expression is, looking through casts of constants (value in the constant's type), or null. */
    private static BoundExpression.Constant constant(BoundExpression expression) {
        BoundExpression current = expression;
        while (current instanceof BoundExpression.Cast cast) {
            current = cast.operand();
        }
        return current instanceof BoundExpression.Constant constant ? constant : null;
    }

    private static double nullFraction(BoundExpression operand, LogicalPlan input) {
        BoundExpression.ColumnRef column = columnOf(operand);
        ColumnStatistics statistics = column == null ? null : statistics(input, column.index());
        return statistics == null ? DEFAULT_EQUALITY : statistics.nullFraction();
    }

    /** The gathered statistics of the table column output column {@code index} of {@code plan} reads, or null. */
    private static ColumnStatistics statistics(LogicalPlan plan, int index) {
        return switch (plan) {
            case LogicalPlan.Scan scan -> {
                int stored = scan.columns()[index];
                TableStatistics table = GatheredStatistics.of(scan.source());
                yield table == null || stored < 0 || stored >= table.columns().size() ? null
                        : table.columns().get(stored);
            }
            case LogicalPlan.Filter filter -> statistics(filter.input(), index);
            case LogicalPlan.Project project -> project.expressions().get(index) instanceof BoundExpression.ColumnRef ref
                    ? statistics(project.input(), ref.index()) : null;
            case LogicalPlan.Join join -> {
                int leftWidth = join.left().outputTypes().size();
                yield index < leftWidth ? statistics(join.left(), index)
                        : join.type().keepsRightColumns() ? statistics(join.right(), index - leftWidth) : null;
            }
            case LogicalPlan.Sort sort -> statistics(sort.input(), index);
            case LogicalPlan.Limit limit -> statistics(limit.input(), index);
            default -> null;
        };
    }
}
