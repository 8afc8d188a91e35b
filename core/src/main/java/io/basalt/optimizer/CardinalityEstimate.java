package io.basalt.optimizer;

import io.basalt.optimizer.statistics.GatheredStatistics;
import io.basalt.optimizer.statistics.TableStatistics;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.logical.LogicalPlan;
import io.basalt.storage.table.TableStore;

/**
 * Estimates of the number of rows a plan produces and of the distinct values of its columns, for the join
 * enumerator, the hash join's choice of build side and EXPLAIN's {@code rows=}. Tables report their exact row
 * count; the statistics ANALYZE gathered ({@link GatheredStatistics}) give distinct counts, null fractions and
 * value ranges, which {@link Selectivity} turns into the fraction of rows a condition keeps. Without
 * statistics the defaults are PostgreSQL-like fixed fractions, and an equi-join of two columns without
 * statistics is taken to meet a key on the side with fewer rows at its source (a foreign key meeting its
 * primary key).
 */
public final class CardinalityEstimate {
    /** What a scan of a source that cannot estimate its size (some table functions) is assumed to produce. */
    private static final double UNKNOWN_SOURCE_ROWS = 1000;

    /**
     * What is known of a column of a plan's output: its distinct values (-1 when unknown) and the row count of
     * the table it was read from (-1 when it is computed), which stands in for the distinct count of a key.
     */
    public record ColumnEstimate(double distinct, double sourceRows) {
        static final ColumnEstimate UNKNOWN = new ColumnEstimate(-1, -1);

        /** The same column after a node that outputs {@code rows} rows: no more distinct values than rows. */
        ColumnEstimate cappedAt(double rows) {
            return distinct < 0 ? this : new ColumnEstimate(Math.min(distinct, Math.max(rows, 1)), sourceRows);
        }
    }

    private CardinalityEstimate() {
    }

    /** The estimated rows of {@code plan}, rounded, at least 1 for anything but an empty VALUES. */
    public static long rows(LogicalPlan plan) {
        double rows = estimate(plan);
        return rows >= Long.MAX_VALUE ? Long.MAX_VALUE : Math.round(rows);
    }

    /** The estimated rows of {@code plan}. */
    public static double estimate(LogicalPlan plan) {
        return switch (plan) {
            case LogicalPlan.Scan scan -> sourceRows(scan);
            case LogicalPlan.Values values -> values.rows().size();
            case LogicalPlan.Filter filter -> {
                double rows = estimate(filter.input());
                double selectivity = 1;
                for (BoundExpression conjunct : filter.conjuncts()) {
                    selectivity *= Selectivity.of(conjunct, filter.input());
                }
                // equalities fixing a whole unique key leave at most one row
                boolean uniqueKey = filter.input() instanceof LogicalPlan.Scan scan
                        && io.basalt.planner.PointLookups.of(scan.source(), filter.conjuncts(), scan.columns()) != null;
                yield clamp(uniqueKey ? Math.min(rows * selectivity, 1) : rows * selectivity);
            }
            case LogicalPlan.Project project -> estimate(project.input());
            case LogicalPlan.Join join -> join(join);
            // a few right rows per left row, as for a function or a filtered subquery
            case LogicalPlan.LateralJoin join -> estimate(join.left()) * 10;
            case LogicalPlan.FunctionScan function -> 100;
            case LogicalPlan.Aggregate aggregate -> aggregate(aggregate);
            case LogicalPlan.Sort sort -> estimate(sort.input());
            case LogicalPlan.DistinctOn distinct -> {
                double input = estimate(distinct.input());
                double groups = 1;
                for (int key : distinct.keys()) {
                    ColumnEstimate column = column(distinct.input(), key);
                    groups *= column.distinct() >= 0 ? column.distinct() : Math.max(1, input / 2);
                }
                yield clamp(Math.min(input, groups));
            }
            case LogicalPlan.Window window -> estimate(window.input());
            case LogicalPlan.Limit limit -> {
                double input = Math.max(0, estimate(limit.input()) - limit.offset());
                yield limit.limit() < 0 ? input : Math.min(limit.limit(), input);
            }
            case LogicalPlan.Write write -> write.returnsRows() ? estimate(write.input()) : 1;
            case LogicalPlan.Append append -> estimate(append.left()) + estimate(append.right());
            case LogicalPlan.Repeat repeat -> estimate(repeat.input());
            case LogicalPlan.InitPlanOverInput initPlan -> estimate(initPlan.input());
            // unknowable; a few iterations' worth
            case LogicalPlan.SortedSetOperation setOperation -> estimate(setOperation.left());
            case LogicalPlan.RecursiveUnion union -> estimate(union.seed()) + 10 * estimate(union.step());
            case LogicalPlan.Apply apply -> estimate(apply.input());
        };
    }

    /**
     * What is known of output column {@code index} of {@code plan}: followed down through projections,
     * filters, joins and the other nodes that pass columns on, to the table it was read from.
     */
    public static ColumnEstimate column(LogicalPlan plan, int index) {
        return switch (plan) {
            case LogicalPlan.Scan scan -> {
                int stored = scan.columns()[index];
                double rows = sourceRows(scan);
                if (stored < 0) {
                    yield new ColumnEstimate(rows, rows); // the row id
                }
                TableStatistics statistics = GatheredStatistics.of(scan.source());
                if (statistics == null || stored >= statistics.columns().size()) {
                    yield new ColumnEstimate(-1, rows);
                }
                yield new ColumnEstimate(statistics.distinct(stored, rows), rows);
            }
            case LogicalPlan.Filter filter -> column(filter.input(), index).cappedAt(estimate(filter));
            case LogicalPlan.Project project -> project.expressions().get(index) instanceof BoundExpression.ColumnRef ref
                    ? column(project.input(), ref.index()) : ColumnEstimate.UNKNOWN;
            case LogicalPlan.Join join -> {
                int leftWidth = join.left().outputTypes().size();
                ColumnEstimate side = index < leftWidth ? column(join.left(), index)
                        : column(join.right(), index - leftWidth);
                yield side.cappedAt(estimate(join));
            }
            case LogicalPlan.Aggregate aggregate -> {
                if (index >= aggregate.groupKeys().size()) {
                    yield ColumnEstimate.UNKNOWN;
                }
                double rows = estimate(aggregate);
                if (aggregate.groupKeys().size() == 1) {
                    yield new ColumnEstimate(rows, -1); // a single key is unique in the output
                }
                yield aggregate.groupKeys().get(index) instanceof BoundExpression.ColumnRef ref
                        ? column(aggregate.input(), ref.index()).cappedAt(rows) : ColumnEstimate.UNKNOWN;
            }
            case LogicalPlan.Sort sort -> column(sort.input(), index);
            case LogicalPlan.Limit limit -> column(limit.input(), index).cappedAt(estimate(limit));
            case LogicalPlan.DistinctOn distinct -> column(distinct.input(), index).cappedAt(estimate(distinct));
            case LogicalPlan.Window window -> index < window.input().outputTypes().size()
                    ? column(window.input(), index) : ColumnEstimate.UNKNOWN;
            case LogicalPlan.Values values -> new ColumnEstimate(values.rows().size(), -1);
            case LogicalPlan.LateralJoin join -> index < join.left().outputTypes().size()
                    ? column(join.left(), index) : ColumnEstimate.UNKNOWN;
            case LogicalPlan.Apply apply -> index < apply.input().outputTypes().size()
                    ? column(apply.input(), index) : ColumnEstimate.UNKNOWN;
            case LogicalPlan.FunctionScan function -> ColumnEstimate.UNKNOWN;
            case LogicalPlan.Write write -> ColumnEstimate.UNKNOWN;
            case LogicalPlan.Append append -> ColumnEstimate.UNKNOWN;
            case LogicalPlan.Repeat repeat -> ColumnEstimate.UNKNOWN;
            case LogicalPlan.InitPlanOverInput initPlan -> column(initPlan.input(), index);
            case LogicalPlan.SortedSetOperation setOperation -> column(setOperation.left(), index);
            case LogicalPlan.RecursiveUnion union -> ColumnEstimate.UNKNOWN;
        };
    }

    /**
     * The fraction of the pairs of a left and a right row for which the equality of {@code left} (over one
     * input) and {@code right} (over the other) holds: 1 / the larger distinct count of the two; a column
     * without a distinct count counts its table's rows as its distinct values when the other column's table
     * is larger (it is likely a key), or when neither is known the smaller table's rows.
     */
    public static double equalitySelectivity(ColumnEstimate left, ColumnEstimate right) {
        double leftDistinct = left.distinct();
        double rightDistinct = right.distinct();
        if (leftDistinct < 0 && rightDistinct < 0) {
            double keyRows = left.sourceRows() < 0 ? right.sourceRows()
                    : right.sourceRows() < 0 ? left.sourceRows() : Math.min(left.sourceRows(), right.sourceRows());
            return keyRows > 0 ? 1 / keyRows : Selectivity.DEFAULT_EQUALITY;
        }
        return 1 / Math.max(1, Math.max(leftDistinct, rightDistinct));
    }

    private static double join(LogicalPlan.Join join) {
        double left = estimate(join.left());
        double right = estimate(join.right());
        double selectivity = 1;
        int leftWidth = join.left().outputTypes().size();
        for (BoundExpression conjunct : join.conjuncts()) {
            selectivity *= Selectivity.ofJoin(conjunct, join.left(), join.right(), leftWidth);
        }
        if (join.conjuncts().size() > 1) {
            // a key of several columns: its columns are not independent (see JoinGraph.rows)
            selectivity = Math.max(selectivity, 1 / Math.max(1, Math.min(left, right)));
        }
        double matched = clamp(left * right * selectivity);
        return switch (join.type()) {
            case INNER -> matched;
            case LEFT -> Math.max(matched, left);
            case RIGHT -> Math.max(matched, right);
            case FULL -> Math.max(matched, left + right);
            // each left row has a match with the chance that the matches it would have are at least one
            case SEMI -> clamp(Math.min(left, matched));
            case ANTI -> clamp(Math.max(left - matched, left * 0.1));
        };
    }

    private static double aggregate(LogicalPlan.Aggregate aggregate) {
        if (aggregate.groupKeys().isEmpty()) {
            return 1;
        }
        double input = estimate(aggregate.input());
        double groups = 1;
        for (BoundExpression key : aggregate.groupKeys()) {
            ColumnEstimate column = key instanceof BoundExpression.ColumnRef ref
                    ? column(aggregate.input(), ref.index()) : ColumnEstimate.UNKNOWN;
            // PostgreSQL's default for an expression without statistics: 200 distinct values
            groups *= column.distinct() >= 0 ? column.distinct() : Math.min(200, input);
        }
        return clamp(Math.min(input, groups));
    }

    private static double sourceRows(LogicalPlan.Scan scan) {
        if (scan.source() instanceof TableStore table) {
            return table.rowCount();
        }
        long estimated = scan.source().estimatedRows();
        return estimated >= 0 ? estimated : UNKNOWN_SOURCE_ROWS;
    }

    /** At least one row (PostgreSQL never estimates zero), finite. */
    private static double clamp(double rows) {
        if (Double.isNaN(rows)) {
            return 1;
        }
        return Math.max(1, Math.min(rows, 1e18));
    }
}
