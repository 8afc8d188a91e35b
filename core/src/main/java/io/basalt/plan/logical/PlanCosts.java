package io.basalt.plan.logical;

import io.basalt.optimizer.CardinalityEstimate;
import io.basalt.type.LogicalType;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The estimates EXPLAIN prints after each node, in PostgreSQL's shape {@code (cost=startup..total rows=n
 * width=w)}. Rows come from {@link CardinalityEstimate}; width is the average bytes of an output row by its
 * types; the costs are Basalt's own units, not PostgreSQL's: handling one row in a streaming operator costs
 * 0.01, inserting one into a hash table or sorting it more, and a node's startup cost is what must be done
 * before its first row (its input's whole cost for a hash build, an aggregation or a sort).
 */
final class PlanCosts {
    private static final double ROW = 0.01;
    private static final double HASH_INSERT = 0.02;
    private static final double CONDITION = 0.0025;

    /** One node's estimate. */
    record Estimate(double startup, double total, double rows, int width) {
        /** The text PostgreSQL appends to a node's line (two spaces, then the parenthesised estimate). */
        String text() {
            return String.format(Locale.ROOT, "  (cost=%.2f..%.2f rows=%d width=%d)", startup, total,
                    Math.round(rows), width);
        }
    }

    private final Map<LogicalPlan, Estimate> estimates = new IdentityHashMap<>();

    Estimate of(LogicalPlan plan) {
        Estimate known = estimates.get(plan);
        if (known == null) {
            known = compute(plan);
            estimates.put(plan, known);
        }
        return known;
    }

    private Estimate compute(LogicalPlan plan) {
        double rows = Math.max(plan instanceof LogicalPlan.Values values && values.rows().isEmpty() ? 0 : 1,
                CardinalityEstimate.estimate(plan));
        int width = width(plan.outputTypes());
        return switch (plan) {
            case LogicalPlan.Scan scan -> new Estimate(0, rows * ROW, rows, width);
            case LogicalPlan.Values values -> new Estimate(0, rows * ROW, rows, width);
            case LogicalPlan.FunctionScan function -> new Estimate(0, rows * ROW, rows, width);
            case LogicalPlan.Filter filter -> {
                Estimate input = of(filter.input());
                yield new Estimate(input.startup(), input.total() + input.rows() * CONDITION * filter.conjuncts().size(),
                        rows, width);
            }
            case LogicalPlan.Project project -> {
                Estimate input = of(project.input());
                yield new Estimate(input.startup(), input.total(), rows, width);
            }
            case LogicalPlan.Join join -> {
                Estimate left = of(join.left());
                Estimate right = of(join.right());
                Estimate build = io.basalt.optimizer.BuildSide.buildsLeft(join, !join.conjuncts().isEmpty()) ? left : right;
                Estimate probe = build == left ? right : left;
                if (join.conjuncts().isEmpty()) {
                    double startup = left.startup() + right.total();
                    yield new Estimate(startup, left.total() + right.total()
                            + left.rows() * right.rows() * CONDITION + rows * ROW, rows, width);
                }
                double startup = build.total() + build.rows() * HASH_INSERT + probe.startup();
                yield new Estimate(startup, startup + (probe.total() - probe.startup()) + probe.rows() * ROW
                        + rows * ROW, rows, width);
            }
            case LogicalPlan.LateralJoin join -> {
                Estimate left = of(join.left());
                Estimate right = of(join.right());
                yield new Estimate(left.startup(), left.total() + left.rows() * right.total(), rows, width);
            }
            case LogicalPlan.Aggregate aggregate -> {
                Estimate input = of(aggregate.input());
                double startup = input.total() + input.rows() * (aggregate.groupKeys().isEmpty() ? ROW : HASH_INSERT);
                yield new Estimate(startup, startup + rows * ROW, rows, width);
            }
            case LogicalPlan.Sort sort -> {
                Estimate input = of(sort.input());
                double n = Math.max(2, input.rows());
                double startup = input.total() + n * (Math.log(n) / Math.log(2)) * CONDITION;
                yield new Estimate(startup, startup + rows * ROW, rows, width);
            }
            case LogicalPlan.Window window -> {
                Estimate input = of(window.input());
                double n = Math.max(2, input.rows());
                double startup = input.total() + n * (Math.log(n) / Math.log(2)) * CONDITION;
                yield new Estimate(startup, startup + rows * ROW, rows, width);
            }
            case LogicalPlan.Limit limit -> {
                Estimate input = of(limit.input());
                double fraction = input.rows() <= 0 ? 1 : Math.min(1, (rows + limit.offset()) / input.rows());
                yield new Estimate(input.startup(), input.startup() + (input.total() - input.startup()) * fraction,
                        rows, width);
            }
            case LogicalPlan.DistinctOn distinct -> passing(of(distinct.input()), rows, width);
            case LogicalPlan.Write write -> passing(of(write.input()), rows, width);
            case LogicalPlan.Repeat repeat -> passing(of(repeat.input()), rows, width);
            case LogicalPlan.InitPlanOverInput initPlan -> passing(of(initPlan.input()), rows, width);
            case LogicalPlan.Apply apply -> passing(of(apply.input()), rows, width);
            case LogicalPlan.Append append -> {
                Estimate left = of(append.left());
                Estimate right = of(append.right());
                yield new Estimate(left.startup(), left.total() + right.total(), rows, width);
            }
            case LogicalPlan.SortedSetOperation setOperation -> {
                Estimate left = of(setOperation.left());
                Estimate right = of(setOperation.right());
                yield new Estimate(left.startup() + right.total(), left.total() + right.total(), rows, width);
            }
            case LogicalPlan.RecursiveUnion union -> {
                Estimate seed = of(union.seed());
                Estimate step = of(union.step());
                yield new Estimate(seed.startup(), seed.total() + 10 * step.total(), rows, width);
            }
        };
    }

    private static Estimate passing(Estimate input, double rows, int width) {
        return new Estimate(input.startup(), input.total() + rows * ROW, rows, width);
    }

    /** The average bytes of a row of {@code types}, as PostgreSQL's width (text counted as 32 bytes). */
    static int width(List<LogicalType> types) {
        int width = 0;
        for (LogicalType type : types) {
            width += switch (type.id()) {
                case BOOLEAN -> 1;
                case SMALLINT -> 2;
                case INTEGER, DATE, REAL -> 4;
                case BIGINT, DOUBLE, TIMESTAMP, TIMESTAMPTZ, TIME, NUMERIC -> 8;
                case TIMETZ -> 12;
                case UUID, INTERVAL -> 16;
                case VARCHAR, CHAR -> type.precision() > 0 ? Math.min(type.precision(), 64) : 32;
                default -> 32;
            };
        }
        return width;
    }
}
