package io.basalt.optimizer.rule;

import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.expression.ColumnReferences;
import io.basalt.plan.logical.LogicalPlan;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Removes the columns nobody reads, down to the scans, so that a query touching two columns of a wide
 * table reads, filters and moves only those two.
 *
 * <pre>
 * before: Project[#2] <- Filter[#0 > 5] <- Scan t [0, 1, 2, 3]
 * after:  Project[#1] <- Filter[#0 > 5] <- Scan t [0, 2]
 * </pre>
 *
 * Unread aggregates and projected expressions are dropped too; group keys and sort keys are kept, and so
 * are the columns a join condition reads. Columns that only a filter over a scan reads end at that filter when it
 * is a join's input (a projection of the others above it). The plan's own output is unchanged.
 */
public final class PruneColumns implements OptimizerRule {
    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        BitSet all = new BitSet();
        all.set(0, plan.outputTypes().size());
        Pruned pruned = prune(plan, all);
        return pruned.plan();
    }

    /** A pruned plan and where each of the original plan's output columns went (-1: removed). */
    private record Pruned(LogicalPlan plan, int[] mapping) {
    }

    private Pruned prune(LogicalPlan plan, BitSet required) {
        return switch (plan) {
            case LogicalPlan.Scan scan -> {
                int[] mapping = new int[scan.columns().length];
                Arrays.fill(mapping, -1);
                List<Integer> kept = new ArrayList<>();
                List<LogicalType> types = new ArrayList<>();
                for (int i = 0; i < mapping.length; i++) {
                    if (required.get(i)) {
                        mapping[i] = kept.size();
                        kept.add(scan.columns()[i]);
                        types.add(scan.outputTypes().get(i));
                    }
                }
                int[] columns = kept.stream().mapToInt(Integer::intValue).toArray();
                yield new Pruned(new LogicalPlan.Scan(scan.source(), columns, types, scan.alias()), mapping);
            }
            case LogicalPlan.Values values -> new Pruned(values, identity(values.outputTypes().size()));
            case LogicalPlan.Filter filter -> pruneFilter(filter, required, false);
            case LogicalPlan.Project project -> {
                int[] mapping = new int[project.expressions().size()];
                Arrays.fill(mapping, -1);
                List<BoundExpression> kept = new ArrayList<>();
                for (int i = 0; i < mapping.length; i++) {
                    if (required.get(i)) {
                        mapping[i] = kept.size();
                        kept.add(project.expressions().get(i));
                    }
                }
                BitSet needed = new BitSet();
                ColumnReferences.collectAll(kept, needed);
                Pruned input = prune(project.input(), needed);
                yield new Pruned(new LogicalPlan.Project(input.plan(),
                        ColumnReferences.renumberAll(kept, input.mapping())), mapping);
            }
            case LogicalPlan.Join join -> pruneJoin(join, required);
            case LogicalPlan.Aggregate aggregate -> {
                int keys = aggregate.groupKeys().size();
                int[] mapping = new int[keys + aggregate.aggregates().size()];
                Arrays.fill(mapping, -1);
                BitSet needed = new BitSet();
                ColumnReferences.collectAll(aggregate.groupKeys(), needed);
                for (int k = 0; k < keys; k++) {
                    mapping[k] = k;
                }
                List<LogicalPlan.AggregateSpec> kept = new ArrayList<>();
                for (int a = 0; a < aggregate.aggregates().size(); a++) {
                    if (required.get(keys + a)) {
                        mapping[keys + a] = keys + kept.size();
                        LogicalPlan.AggregateSpec spec = aggregate.aggregates().get(a);
                        kept.add(spec);
                        ColumnReferences.collectAll(spec.operands(), needed);
                    }
                }
                Pruned input = prune(aggregate.input(), needed);
                List<LogicalPlan.AggregateSpec> renumbered = new ArrayList<>();
                for (LogicalPlan.AggregateSpec spec : kept) {
                    renumbered.add(spec.map(operand -> ColumnReferences.renumber(operand, input.mapping())));
                }
                yield new Pruned(aggregate.with(input.plan(),
                        ColumnReferences.renumberAll(aggregate.groupKeys(), input.mapping()), renumbered), mapping);
            }
            case LogicalPlan.Sort sort -> {
                BitSet needed = (BitSet) required.clone();
                for (LogicalPlan.SortSpec key : sort.keys()) {
                    needed.set(key.column());
                }
                Pruned input = prune(sort.input(), needed);
                List<LogicalPlan.SortSpec> keys = new ArrayList<>();
                for (LogicalPlan.SortSpec key : sort.keys()) {
                    keys.add(new LogicalPlan.SortSpec(input.mapping()[key.column()], key.descending(), key.nullsFirst()));
                }
                yield new Pruned(new LogicalPlan.Sort(input.plan(), keys), input.mapping());
            }
            case LogicalPlan.DistinctOn distinct -> {
                BitSet needed = (BitSet) required.clone();
                distinct.keys().forEach(needed::set);
                Pruned input = prune(distinct.input(), needed);
                List<Integer> keys = new ArrayList<>();
                for (int key : distinct.keys()) {
                    keys.add(input.mapping()[key]);
                }
                yield new Pruned(new LogicalPlan.DistinctOn(input.plan(), keys), input.mapping());
            }
            case LogicalPlan.Limit limit -> {
                BitSet needed = (BitSet) required.clone();
                limit.tieKeys().forEach(needed::set);
                Pruned input = prune(limit.input(), needed);
                List<Integer> ties = new ArrayList<>();
                for (int key : limit.tieKeys()) {
                    ties.add(input.mapping()[key]);
                }
                yield new Pruned(new LogicalPlan.Limit(input.plan(), limit.limit(), limit.offset(), ties),
                        input.mapping());
            }
            case LogicalPlan.Apply apply when apply.kind() == LogicalPlan.SubqueryKind.SCALAR
                    && !DecorrelateSubqueries.readsEnclosingQuery(apply.subquery()) -> {
                // an InitPlan reads nothing of its input: the input keeps what is needed above, the value stays last
                int value = apply.input().outputTypes().size();
                Pruned input = prune(apply.input(), required.get(0, value));
                BitSet first = new BitSet();
                first.set(0);
                Pruned subquery = prune(apply.subquery(), first);
                int[] mapping = Arrays.copyOf(input.mapping(), value + 1);
                mapping[value] = input.plan().outputTypes().size();
                yield new Pruned(new LogicalPlan.Apply(apply.kind(), input.plan(), subquery.plan(), null), mapping);
            }
            case LogicalPlan.Apply apply -> {
                // Outer references index the input's columns: an Apply keeps them all.
                BitSet everything = new BitSet();
                everything.set(0, apply.input().outputTypes().size());
                Pruned input = prune(apply.input(), everything);
                BitSet all = new BitSet();
                all.set(0, apply.subquery().outputTypes().size());
                Pruned subquery = prune(apply.subquery(), all);
                yield new Pruned(new LogicalPlan.Apply(apply.kind(), input.plan(), subquery.plan(), apply.comparison()),
                        identity(apply.outputTypes().size()));
            }
            case LogicalPlan.Append append -> {
                // both inputs must keep the same columns; they keep all of them (the set operation's rows)
                BitSet everything = new BitSet();
                everything.set(0, append.outputTypes().size());
                LogicalPlan left = prune(append.left(), everything).plan();
                LogicalPlan right = prune(append.right(), everything).plan();
                yield new Pruned(new LogicalPlan.Append(left, right), identity(append.outputTypes().size()));
            }
            case LogicalPlan.SortedSetOperation setOperation -> {
                // every column is compared: both inputs keep all of them
                BitSet everything = new BitSet();
                everything.set(0, setOperation.outputTypes().size());
                Pruned left = prune(setOperation.left(), everything);
                Pruned right = prune(setOperation.right(), everything);
                yield new Pruned(setOperation.withInputs(left.plan(), right.plan()),
                        identity(setOperation.outputTypes().size()));
            }
            case LogicalPlan.RecursiveUnion union -> {
                // the step reads the work table, whose columns are the output's: nothing is pruned across it
                BitSet everything = new BitSet();
                everything.set(0, union.outputTypes().size());
                Pruned seed = prune(union.seed(), everything);
                Pruned step = prune(union.step(), everything);
                yield new Pruned(union.withInputs(seed.plan(), step.plan()), identity(union.outputTypes().size()));
            }
            case LogicalPlan.Window window -> pruneWindow(window, required);
            case LogicalPlan.InitPlanOverInput initPlan -> {
                // the subplan reads the input's rows by column position: the input keeps every column
                BitSet everything = new BitSet();
                everything.set(0, initPlan.input().outputTypes().size());
                Pruned input = prune(initPlan.input(), everything);
                BitSet values = new BitSet();
                values.set(0, initPlan.subplan().outputTypes().size());
                Pruned subplan = prune(initPlan.subplan(), values);
                yield new Pruned(initPlan.withInputs(input.plan(), subplan.plan()),
                        identity(initPlan.outputTypes().size()));
            }
            case LogicalPlan.Repeat repeat -> {
                BitSet everything = new BitSet();
                everything.set(0, repeat.input().outputTypes().size());
                Pruned input = prune(repeat.input(), everything);
                yield new Pruned(new LogicalPlan.Repeat(input.plan()), identity(repeat.outputTypes().size()));
            }
            case LogicalPlan.FunctionScan function -> new Pruned(function, identity(function.outputTypes().size()));
            case LogicalPlan.LateralJoin join -> {
                // the right side reads the left row by column position: both sides keep every column
                BitSet left = new BitSet();
                left.set(0, join.left().outputTypes().size());
                BitSet right = new BitSet();
                right.set(0, join.right().outputTypes().size());
                yield new Pruned(new LogicalPlan.LateralJoin(join.type(), prune(join.left(), left).plan(),
                        prune(join.right(), right).plan(), join.conjuncts()), identity(join.outputTypes().size()));
            }
            case LogicalPlan.Write write -> {
                BitSet everything = new BitSet();
                everything.set(0, write.input().outputTypes().size());
                Pruned input = prune(write.input(), everything);
                yield new Pruned(write.withInput(input.plan()), identity(write.outputTypes().size()));
            }
        };
    }

    /**
     * The window's input keeps the columns required above it and those its keys and arguments read; every call
     * stays (a window's calls share one sort, so dropping one saves little). A window directly over another
     * keeps all of that one's columns, as before this rule pruned windows: stacked windows that spill then
     * stay within the budget they were measured with ({@code WindowSpillTest}: pruned, the upper window's spill
     * ran out of a 6 MB budget, not investigated further).
     */
    private Pruned pruneWindow(LogicalPlan.Window window, BitSet required) {
        int width = window.input().outputTypes().size();
        BitSet needed = required.get(0, width);
        if (window.input() instanceof LogicalPlan.Window) {
            needed.set(0, width);
        }
        ColumnReferences.collectAll(window.expressions(), needed);
        Pruned input = prune(window.input(), needed);
        int keptWidth = input.plan().outputTypes().size();
        int[] mapping = new int[window.outputTypes().size()];
        System.arraycopy(input.mapping(), 0, mapping, 0, width);
        for (int k = width; k < mapping.length; k++) {
            mapping[k] = keptWidth + k - width;
        }
        LogicalPlan.Window pruned = window.map(input.plan(),
                expression -> ColumnReferences.renumber(expression, input.mapping()));
        return new Pruned(pruned, mapping);
    }

    /** Each input keeps the columns required above it and those its condition reads. */
    private Pruned pruneJoin(LogicalPlan.Join join, BitSet required) {
        int leftWidth = join.left().outputTypes().size();
        int rightWidth = join.right().outputTypes().size();
        BitSet needed = (BitSet) required.clone();
        ColumnReferences.collectAll(join.conjuncts(), needed);
        BitSet leftNeeded = needed.get(0, leftWidth);
        BitSet rightNeeded = needed.get(leftWidth, leftWidth + rightWidth);
        Pruned left = pruneJoinInput(join.left(), leftNeeded);
        Pruned right = pruneJoinInput(join.right(), rightNeeded);
        int keptLeft = left.plan().outputTypes().size();
        int[] mapping = new int[leftWidth + rightWidth];
        for (int i = 0; i < mapping.length; i++) {
            int inner = i < leftWidth ? left.mapping()[i] : right.mapping()[i - leftWidth];
            mapping[i] = inner < 0 || i < leftWidth ? inner : keptLeft + inner;
        }
        LogicalPlan pruned = new LogicalPlan.Join(join.type(), left.plan(), right.plan(),
                ColumnReferences.renumberAll(join.conjuncts(), mapping));
        return new Pruned(pruned, join.type().keepsRightColumns() ? mapping : Arrays.copyOf(mapping, leftWidth));
    }

    /**
     * A join input, pruned; a filter over a scan under a projection that drops the columns only the filter reads
     * ({@link #dropFilterOnlyColumns}): a join gathers every column of its inputs for each output row, where an
     * aggregation or a projection reads only the columns it uses (and aggregates pushed down to stored row groups
     * look for a filter right under the aggregation).
     */
    private Pruned pruneJoinInput(LogicalPlan input, BitSet required) {
        return input instanceof LogicalPlan.Filter filter ? pruneFilter(filter, required, true) : prune(input, required);
    }

    /**
     * The pruned {@code filter}; over a scan and with {@code dropFilterOnly}, under a projection that drops the columns
     * only the filter reads ({@link #dropFilterOnlyColumns}).
     */
    private Pruned pruneFilter(LogicalPlan.Filter filter, BitSet required, boolean dropFilterOnly) {
        BitSet needed = (BitSet) required.clone();
        ColumnReferences.collectAll(filter.conjuncts(), needed);
        Pruned input = prune(filter.input(), needed);
        LogicalPlan.Filter pruned = new LogicalPlan.Filter(input.plan(),
                ColumnReferences.renumberAll(filter.conjuncts(), input.mapping()));
        return dropFilterOnly && input.plan() instanceof LogicalPlan.Scan
                ? dropFilterOnlyColumns(pruned, input.mapping(), required)
                : new Pruned(pruned, input.mapping());
    }

    /**
     * {@code filter} (over a scan, its columns placed by {@code mapping}) under a projection that drops the columns only
     * the filter reads, when there are such: TPC-H Q13's {@code o_comment NOT LIKE ...} and Q9's {@code p_name LIKE
     * ...} otherwise carried their strings through the joins above, each join gathering them again for every output
     * row. A projection of column references passes the filter's selection on unchanged (no copy); EXPLAIN looks
     * through it.
     */
    private static Pruned dropFilterOnlyColumns(LogicalPlan.Filter filter, int[] mapping, BitSet required) {
        List<BoundExpression> kept = new ArrayList<>();
        int[] projected = new int[mapping.length];
        Arrays.fill(projected, -1);
        List<LogicalType> types = filter.outputTypes();
        for (int i = 0; i < mapping.length; i++) {
            if (mapping[i] >= 0 && required.get(i)) {
                projected[i] = kept.size();
                kept.add(new BoundExpression.ColumnRef(mapping[i], null, "?column?", types.get(mapping[i]), -1));
            }
        }
        if (kept.size() == types.size() || kept.isEmpty()) {
            // nothing to drop, or nothing read above (a count): a projection would save no gathering
            return new Pruned(filter, mapping);
        }
        return new Pruned(new LogicalPlan.Project(filter, kept), projected);
    }

    private static int[] identity(int size) {
        int[] mapping = new int[size];
        for (int i = 0; i < size; i++) {
            mapping[i] = i;
        }
        return mapping;
    }
}
