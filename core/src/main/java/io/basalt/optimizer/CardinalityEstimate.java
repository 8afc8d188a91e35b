package io.basalt.optimizer;

import io.basalt.plan.logical.LogicalPlan;
import io.basalt.storage.table.TableStore;

/**
 * A rough estimate of the number of rows a plan produces, for choices that only need to know which of two
 * inputs is smaller (a hash join builds on the smaller one). Tables report their exact row count; every
 * other node applies a fixed rule of thumb: each filter conjunct halves its input (at most three times), an
 * equi-join yields about as many rows as its larger input (a foreign key meeting its primary key), a join
 * without an equality the product of its inputs. Statistics (distinct counts, zone maps) refine this once
 * ANALYZE gathers them.
 */
public final class CardinalityEstimate {
    /** What a scan of a source that cannot estimate its size (some table functions) is assumed to produce. */
    private static final long UNKNOWN_SOURCE_ROWS = 1000;

    private CardinalityEstimate() {
    }

    public static long rows(LogicalPlan plan) {
        return switch (plan) {
            case LogicalPlan.Scan scan -> {
                if (scan.source() instanceof TableStore table) {
                    yield table.rowCount();
                }
                long estimated = scan.source().estimatedRows();
                yield estimated >= 0 ? estimated : UNKNOWN_SOURCE_ROWS;
            }
            case LogicalPlan.Values values -> values.rows().size();
            case LogicalPlan.Filter filter -> {
                long rows = rows(filter.input());
                for (int i = 0; i < Math.min(3, filter.conjuncts().size()); i++) {
                    rows = Math.max(1, rows / 2);
                }
                yield rows;
            }
            case LogicalPlan.Project project -> rows(project.input());
            case LogicalPlan.Join join -> join(join);
            // a few right rows per left row, as for a function or a filtered subquery
            case LogicalPlan.LateralJoin join -> saturatingProduct(rows(join.left()), 10);
            case LogicalPlan.FunctionScan function -> 100;
            case LogicalPlan.Aggregate aggregate -> aggregate.groupKeys().isEmpty() ? 1
                    : Math.max(1, rows(aggregate.input()) / 2);
            case LogicalPlan.Sort sort -> rows(sort.input());
            case LogicalPlan.DistinctOn distinct -> rows(distinct.input());
            case LogicalPlan.Window window -> rows(window.input());
            case LogicalPlan.Limit limit -> {
                long input = Math.max(0, rows(limit.input()) - limit.offset());
                yield limit.limit() < 0 ? input : Math.min(limit.limit(), input);
            }
            case LogicalPlan.Write write -> write.returnsRows() ? rows(write.input()) : 1;
            case LogicalPlan.Append append -> {
                long sum = rows(append.left()) + rows(append.right());
                yield sum < 0 ? Long.MAX_VALUE : sum;
            }
            case LogicalPlan.Repeat repeat -> rows(repeat.input());
            // unknowable; a few iterations' worth
            case LogicalPlan.RecursiveUnion union -> rows(union.seed()) + 10 * rows(union.step());
            case LogicalPlan.Apply apply -> rows(apply.input());
        };
    }

    private static long join(LogicalPlan.Join join) {
        long left = rows(join.left());
        long right = rows(join.right());
        long matched = join.conjuncts().isEmpty() ? saturatingProduct(left, right) : Math.max(left, right);
        return switch (join.type()) {
            case INNER -> matched;
            case LEFT -> Math.max(matched, left);
            case RIGHT -> Math.max(matched, right);
            case FULL -> Math.max(matched, left + right);
            case SEMI, ANTI -> left;
        };
    }

    private static long saturatingProduct(long a, long b) {
        long product = a * b;
        return a != 0 && product / a != b ? Long.MAX_VALUE : product;
    }
}
