package io.basalt.optimizer.rule;

import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.expression.ColumnReferences;
import io.basalt.plan.logical.LogicalPlan;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Reorders a tree of inner joins whose FROM order puts two unrelated inputs next to each other, so that
 * each join meets an input it shares a condition with: TPC-H's Q8 and Q9 list {@code part, supplier,
 * lineitem, ...}, and joining part with supplier first is a cross product of both tables.
 *
 * <pre>
 * before: Join INNER [(#2 = #1), (#3 = #0)]        -- a(#0), b(#1), c(#2, #3)
 *           Join INNER []
 *             Scan a [0]
 *             Scan b [0]
 *           Scan c [0, 1]
 * after:  Project [#0, #3, #1, #2]
 *           Join INNER [(#1 = #3)]
 *             Join INNER [(#2 = #0)]
 *               Scan a [0]
 *               Scan c [0, 1]
 *             Scan b [0]
 * </pre>
 *
 * The inputs are taken greedily in FROM order: the first one, then each time the first remaining input
 * connected to those joined so far by a condition (or, when none is, the first remaining one). Every
 * condition goes to the lowest join that sees all its inputs, and a projection restores the original
 * column order. The rule fires only when this leaves fewer cross products than the query had; it runs
 * after {@link PushFiltersIntoJoins}, which has put the conditions into the joins.
 */
public final class AvoidCrossProducts implements OptimizerRule {
    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        return switch (plan) {
            case LogicalPlan.Join join when join.type() == LogicalPlan.JoinType.INNER -> reorder(join);
            case LogicalPlan.Join join -> new LogicalPlan.Join(join.type(), apply(join.left()), apply(join.right()),
                    join.conjuncts());
            case LogicalPlan.Filter filter -> new LogicalPlan.Filter(apply(filter.input()), filter.conjuncts());
            case LogicalPlan.Project project -> new LogicalPlan.Project(apply(project.input()), project.expressions());
            case LogicalPlan.Aggregate aggregate -> new LogicalPlan.Aggregate(apply(aggregate.input()),
                    aggregate.groupKeys(), aggregate.aggregates());
            case LogicalPlan.Sort sort -> new LogicalPlan.Sort(apply(sort.input()), sort.keys());
            case LogicalPlan.Window window -> window.withInput(apply(window.input()));
            case LogicalPlan.Limit limit -> limit.withInput(apply(limit.input()));
            case LogicalPlan.DistinctOn distinct -> new LogicalPlan.DistinctOn(apply(distinct.input()), distinct.keys());
            case LogicalPlan.Write write -> write.withInput(apply(write.input()));
            case LogicalPlan.Append append -> new LogicalPlan.Append(apply(append.left()), apply(append.right()));
            case LogicalPlan.Repeat repeat -> new LogicalPlan.Repeat(apply(repeat.input()));
            case LogicalPlan.RecursiveUnion union -> union.withInputs(apply(union.seed()), apply(union.step()));
            case LogicalPlan.Apply a -> new LogicalPlan.Apply(a.kind(), apply(a.input()), apply(a.subquery()),
                    a.comparison());
            case LogicalPlan.LateralJoin join -> new LogicalPlan.LateralJoin(join.type(), apply(join.left()),
                    apply(join.right()), join.conjuncts());
            case LogicalPlan.FunctionScan function -> function;
            case LogicalPlan.Scan scan -> scan;
            case LogicalPlan.Values values -> values;
        };
    }

    /** A tree of inner joins, flattened: its inputs in order and its conditions over all their columns. */
    private static final class Region {
        final List<LogicalPlan> inputs = new ArrayList<>();
        final List<Integer> offsets = new ArrayList<>();
        final List<BoundExpression> conjuncts = new ArrayList<>();
        int width;
        int crossProducts;
    }

    private LogicalPlan reorder(LogicalPlan.Join top) {
        Region region = new Region();
        flatten(top, region);
        int count = region.inputs.size();
        List<BitSet> touched = new ArrayList<>();
        for (BoundExpression conjunct : region.conjuncts) {
            touched.add(inputsRead(conjunct, region));
        }
        List<Integer> order = new ArrayList<>();
        BitSet joined = new BitSet();
        order.add(0);
        joined.set(0);
        int crossProducts = 0;
        while (order.size() < count) {
            int next = -1;
            for (int candidate = 0; candidate < count && next < 0; candidate++) {
                if (!joined.get(candidate) && connects(candidate, joined, touched)) {
                    next = candidate;
                }
            }
            if (next < 0) {
                next = joined.nextClearBit(0);
                crossProducts++;
            }
            order.add(next);
            joined.set(next);
        }
        if (crossProducts >= region.crossProducts) {
            return rebuildInOrder(top);
        }
        return build(region, order, touched);
    }

    /** The same joins with their inputs optimised, when the order stays. */
    private LogicalPlan rebuildInOrder(LogicalPlan plan) {
        if (plan instanceof LogicalPlan.Join join && join.type() == LogicalPlan.JoinType.INNER) {
            return new LogicalPlan.Join(join.type(), rebuildInOrder(join.left()), rebuildInOrder(join.right()),
                    join.conjuncts());
        }
        return apply(plan);
    }

    private static void flatten(LogicalPlan plan, Region region) {
        if (plan instanceof LogicalPlan.Join join && join.type() == LogicalPlan.JoinType.INNER) {
            int offset = region.width;
            flatten(join.left(), region);
            flatten(join.right(), region);
            if (join.conjuncts().isEmpty()) {
                region.crossProducts++;
            }
            int[] shift = new int[region.width];
            for (int i = 0; i < shift.length; i++) {
                shift[i] = i < region.width - offset ? offset + i : -1;
            }
            region.conjuncts.addAll(ColumnReferences.renumberAll(join.conjuncts(), shift));
            return;
        }
        region.inputs.add(plan);
        region.offsets.add(region.width);
        region.width += plan.outputTypes().size();
    }

    /** Which inputs of the region a conjunct (over all the region's columns) reads. */
    private static BitSet inputsRead(BoundExpression conjunct, Region region) {
        BitSet columns = new BitSet();
        ColumnReferences.collect(conjunct, columns);
        BitSet inputs = new BitSet();
        for (int column = columns.nextSetBit(0); column >= 0; column = columns.nextSetBit(column + 1)) {
            inputs.set(inputOf(column, region));
        }
        return inputs;
    }

    private static int inputOf(int column, Region region) {
        int input = region.offsets.size() - 1;
        while (region.offsets.get(input) > column) {
            input--;
        }
        return input;
    }

    /** Whether some condition reads {@code candidate} and inputs already joined, and nothing else. */
    private static boolean connects(int candidate, BitSet joined, List<BitSet> touched) {
        for (BitSet inputs : touched) {
            if (inputs.get(candidate) && inputs.intersects(joined)) {
                BitSet outside = (BitSet) inputs.clone();
                outside.andNot(joined);
                outside.clear(candidate);
                if (outside.isEmpty()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Left-deep joins in {@code order}, each condition at the first join that sees its inputs. */
    private LogicalPlan build(Region region, List<Integer> order, List<BitSet> touched) {
        int[] position = new int[region.width];
        boolean[] placed = new boolean[region.conjuncts.size()];
        BitSet joined = new BitSet();
        LogicalPlan plan = null;
        int width = 0;
        for (int input : order) {
            LogicalPlan next = apply(region.inputs.get(input));
            int inputWidth = next.outputTypes().size();
            for (int c = 0; c < inputWidth; c++) {
                position[region.offsets.get(input) + c] = width + c;
            }
            width += inputWidth;
            joined.set(input);
            if (plan == null) {
                plan = next;
                continue;
            }
            List<BoundExpression> conditions = new ArrayList<>();
            for (int k = 0; k < placed.length; k++) {
                BitSet outside = (BitSet) touched.get(k).clone();
                outside.andNot(joined);
                if (!placed[k] && outside.isEmpty()) {
                    conditions.add(ColumnReferences.renumber(region.conjuncts.get(k), position));
                    placed[k] = true;
                }
            }
            plan = new LogicalPlan.Join(LogicalPlan.JoinType.INNER, plan, next, conditions);
        }
        List<LogicalType> types = plan.outputTypes();
        List<BoundExpression> restored = new ArrayList<>(region.width);
        for (int column = 0; column < region.width; column++) {
            restored.add(new BoundExpression.ColumnRef(position[column], null, "#" + column, types.get(position[column]), 0));
        }
        return new LogicalPlan.Project(plan, restored);
    }
}
