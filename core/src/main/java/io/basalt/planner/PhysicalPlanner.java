package io.basalt.planner;

import io.basalt.error.BasaltException;
import io.basalt.exec.expression.ColumnExpression;
import io.basalt.exec.expression.PhysicalExpression;
import io.basalt.exec.kernel.CompareOp;
import io.basalt.exec.operator.PhysicalOperator;
import io.basalt.exec.operator.aggregate.AggregateCall;
import io.basalt.exec.operator.aggregate.HashAggregateOperator;
import io.basalt.exec.operator.filter.FilterOperator;
import io.basalt.exec.operator.join.HashJoinOperator;
import io.basalt.exec.operator.join.JoinType;
import io.basalt.exec.operator.join.NestedLoopJoinOperator;
import io.basalt.exec.operator.limit.LimitOperator;
import io.basalt.exec.operator.project.ProjectOperator;
import io.basalt.exec.operator.scan.ScanOperator;
import io.basalt.exec.operator.set.AppendOperator;
import io.basalt.exec.operator.set.RepeatOperator;
import io.basalt.exec.operator.sort.SortKey;
import io.basalt.exec.operator.sort.SortOperator;
import io.basalt.exec.operator.subquery.InitPlanOperator;
import io.basalt.exec.operator.subquery.InitPlanOverInputOperator;
import io.basalt.exec.operator.subquery.InitPlanValues;
import io.basalt.exec.operator.values.ValuesOperator;
import io.basalt.optimizer.CardinalityEstimate;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.expression.ColumnReferences;
import io.basalt.plan.logical.LogicalPlan;
import io.basalt.storage.table.TableWriteOperator;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * Chooses an operator for each logical node. There is one choice per node today (hash aggregation,
 * full sort) except for joins (hash join on the equalities of the condition, nested loop without any,
 * built on the smaller input); the planner issue adds the alternatives (perfect-hash aggregation, top-N,
 * index lookups).
 *
 * <p>For EXPLAIN ANALYZE, {@link #plan(LogicalPlan, Map)} also records which operator each logical node became
 * (the topmost one its translation produced), so that measured operators map back to the printed nodes.
 */
public final class PhysicalPlanner {
    /** Where the current planning records each logical node's operator; unbound outside EXPLAIN ANALYZE. */
    private static final ScopedValue<Map<LogicalPlan, PhysicalOperator>> RECORD = ScopedValue.newInstance();

    private PhysicalPlanner() {
    }

    /**
     * Plans {@code plan} as {@link #plan(LogicalPlan)} does, putting into {@code operators} (an identity map) the
     * operator each logical node it translated became.
     */
    public static PhysicalOperator plan(LogicalPlan plan, Map<LogicalPlan, PhysicalOperator> operators) {
        return ScopedValue.where(RECORD, operators).call(() -> plan(plan));
    }

    public static PhysicalOperator plan(LogicalPlan plan) {
        PhysicalOperator operator = translate(plan);
        if (RECORD.isBound()) {
            RECORD.get().put(plan, operator);
        }
        return operator;
    }

    /** Records {@code after} for the logical nodes that became {@code before} (an operator rebuilt later). */
    private static void rerecord(PhysicalOperator before, PhysicalOperator after) {
        if (RECORD.isBound()) {
            for (Map.Entry<LogicalPlan, PhysicalOperator> entry : RECORD.get().entrySet()) {
                if (entry.getValue() == before) {
                    entry.setValue(after);
                }
            }
        }
    }

    private static PhysicalOperator translate(LogicalPlan plan) {
        return switch (plan) {
            case LogicalPlan.Scan scan -> new ScanOperator(scan.source(), scan.columns());
            case LogicalPlan.Values values -> {
                List<List<PhysicalExpression>> rows = new ArrayList<>();
                for (List<BoundExpression> row : values.rows()) {
                    rows.add(ExpressionPlanner.planAll(row));
                }
                List<LogicalType> types = new ArrayList<>();
                for (LogicalType type : values.outputTypes()) {
                    types.add(ExpressionPlanner.concrete(type));
                }
                yield new ValuesOperator(rows, types);
            }
            case LogicalPlan.Filter filter when filter.input() instanceof LogicalPlan.Scan scan -> new FilterOperator(
                    new ScanOperator(scan.source().withPredicates(ExpressionIndexPredicates.with(
                            ScanPredicates.of(filter.conjuncts(), scan.columns()), filter.conjuncts(), scan.columns(),
                            scan.source())), scan.columns()), ExpressionPlanner.planAll(filter.conjuncts()));
            case LogicalPlan.Filter filter -> new FilterOperator(WindowRowLimit.planInput(filter),
                    ExpressionPlanner.planAll(filter.conjuncts()));
            case LogicalPlan.Project project -> new ProjectOperator(plan(project.input()),
                    ExpressionPlanner.planAll(project.expressions()));
            case LogicalPlan.Join join -> planJoin(join);
            case LogicalPlan.LateralJoin join -> planLateralJoin(join);
            case LogicalPlan.FunctionScan function -> new io.basalt.exec.operator.scan.FunctionScanOperator(
                    function.function(), ExpressionPlanner.planAll(function.arguments()));
            case LogicalPlan.Aggregate aggregate -> {
                List<AggregateCall> calls = new ArrayList<>();
                for (LogicalPlan.AggregateSpec spec : aggregate.aggregates()) {
                    calls.add(new AggregateCall(spec.function(),
                            spec.argument() == null ? null : ExpressionPlanner.plan(spec.argument()),
                            ExpressionPlanner.planAll(spec.extraArguments()),
                            spec.filter() == null ? null : ExpressionPlanner.plan(spec.filter())));
                }
                if (aggregate.groupingSets() != null) {
                    List<io.basalt.plan.expression.BoundExpression> keys = new ArrayList<>(aggregate.groupKeys());
                    keys.remove(aggregate.groupingSets().setColumn());
                    yield new io.basalt.exec.operator.aggregate.GroupingSetsAggregateOperator(plan(aggregate.input()),
                            ExpressionPlanner.planAll(keys), calls,
                            aggregate.groupingSets().physicalSets(aggregate.groupKeys().size()),
                            aggregate.groupingSets().setColumn());
                }
                yield new HashAggregateOperator(plan(aggregate.input()),
                        ExpressionPlanner.planAll(aggregate.groupKeys()), calls);
            }
            case LogicalPlan.Sort sort -> sortOperator(sort, -1);
            case LogicalPlan.Limit limit -> new LimitOperator(limitedInput(limit), limit.limit(), limit.offset(),
                    limit.tieKeys().stream().mapToInt(Integer::intValue).toArray());
            case LogicalPlan.DistinctOn distinct -> new io.basalt.exec.operator.filter.DistinctOnOperator(
                    plan(distinct.input()), distinct.keys().stream().mapToInt(Integer::intValue).toArray());
            // an uncorrelated scalar subquery: an InitPlan, run once before the input's rows, its value a constant
            case LogicalPlan.Apply apply when apply.kind() == LogicalPlan.SubqueryKind.SCALAR
                    && !io.basalt.optimizer.rule.DecorrelateSubqueries.readsEnclosingQuery(apply.subquery()) ->
                    initPlan(apply);
            // any other SubPlan or InitPlan the optimizer kept: joined in now, per input row when correlated
            case LogicalPlan.Apply apply -> plan(io.basalt.optimizer.rule.DecorrelateSubqueries.lower(apply));
            case LogicalPlan.InitPlanOverInput initPlan -> new InitPlanOverInputOperator(plan(initPlan.input()),
                    plan(initPlan.subplan()), initPlan.inputRows(), initPlan.values());
            case LogicalPlan.Append append -> new AppendOperator(appendedInputs(append, new ArrayList<>()));
            case LogicalPlan.Repeat repeat -> new RepeatOperator(plan(repeat.input()));
            case LogicalPlan.SortedSetOperation setOperation ->
                    new io.basalt.exec.operator.join.SortedSetOperationOperator(plan(setOperation.left()),
                            plan(setOperation.right()), setOperation.intersect());
            case LogicalPlan.RecursiveUnion union -> new io.basalt.exec.operator.set.RecursiveUnionOperator(
                    plan(union.seed()), plan(union.step()), union.workTable(), union.distinct());
            case LogicalPlan.Window window -> WindowPlanner.plan(window, plan(window.input()));
            case LogicalPlan.Write write when write.routing() != null ->
                    PartitionRoutingPlanner.plan(write, plan(write.input()), PhysicalPlanner::writeOperator);
            case LogicalPlan.Write write -> writeOperator(write, plan(write.input()));
        };
    }

    /**
     * An uncorrelated scalar subquery kept as an Apply: its value computed once by an {@link InitPlanOperator} (NULL
     * without rows, 21000 at a second) before the input's rows pass, then appended to each of them as the constant it
     * is. The subquery's plan is its own, not the decorrelated join with a row count that checks for a second row.
     */
    private static PhysicalOperator initPlan(LogicalPlan.Apply apply) {
        PhysicalOperator input = plan(apply.input());
        PhysicalOperator subplan = plan(apply.subquery());
        InitPlanValues values = new InitPlanValues(List.of(subplan.outputTypes().getFirst()));
        List<LogicalType> types = input.outputTypes();
        List<PhysicalExpression> columns = new ArrayList<>(types.size() + 1);
        for (int c = 0; c < types.size(); c++) {
            columns.add(new ColumnExpression(c, types.get(c)));
        }
        columns.add(ExpressionPlanner.plan(io.basalt.plan.expression.InitPlanParameter.of(values, 0)));
        return new ProjectOperator(new InitPlanOperator(input, subplan, values), columns);
    }

    /** The sink of a write into its own table, over {@code input}. */
    /** A sort of every row ({@code rowsNeeded} -1), or of the first {@code rowsNeeded} alone (top-N). */
    private static SortOperator sortOperator(LogicalPlan.Sort sort, long rowsNeeded) {
        List<SortKey> keys = new ArrayList<>();
        for (LogicalPlan.SortSpec spec : sort.keys()) {
            keys.add(new SortKey(spec.column(), spec.descending(), spec.nullsFirst()));
        }
        return new SortOperator(plan(sort.input()), keys, rowsNeeded);
    }

    /**
     * The input of a LIMIT: a sort directly under it (no WITH TIES, which may want rows past the limit) needs only
     * the limit plus the offset first rows, which it keeps as a top-N; any other input is planned as it is.
     */
    private static PhysicalOperator limitedInput(LogicalPlan.Limit limit) {
        if (limit.input() instanceof LogicalPlan.Sort sort && limit.tieKeys().isEmpty() && limit.limit() >= 0
                && limit.offset() >= 0 && limit.limit() <= Long.MAX_VALUE - limit.offset()) {
            PhysicalOperator operator = sortOperator(sort, limit.limit() + limit.offset());
            if (RECORD.isBound()) {
                RECORD.get().put(sort, operator);
            }
            return operator;
        }
        return plan(limit.input());
    }

    private static PhysicalOperator writeOperator(LogicalPlan.Write write, PhysicalOperator input) {
        return new TableWriteOperator(input, TableWriteOperator.Kind.valueOf(write.kind().name()),
                write.table().name(), write.table().store(), columnNames(write), notNullFlags(write),
                CheckConstraintPlanner.plan(write.table()), write.returnsRows(), write.conflictArbiters(),
                conflictUpdate(write), null, write.returnsRowIds());
    }

    // ---- joins ------------------------------------------------------------------------------------

    /** A join condition split into hash keys (left expression = right expression) and the rest. */
    private record JoinKeys(List<BoundExpression> left, List<BoundExpression> right, List<BoundExpression> residual) {
    }

    /**
     * A join becomes a hash join on the equalities between a left-only and a right-only expression of its
     * condition (the rest is checked on each candidate pair), or a nested-loop join when there are none. The
     * smaller input, by {@link CardinalityEstimate}, is built; when that is the left one, the sides swap (a
     * LEFT join turns RIGHT) and a projection restores the left-then-right column order. A hash semi or anti join
     * builds on its left input when that is under half its right one ({@link io.basalt.optimizer.BuildSide}): it
     * becomes a RIGHT_SEMI or RIGHT_ANTI join, whose output is its build rows, the left input's columns as they are.
     */
    private static PhysicalOperator planJoin(LogicalPlan.Join join) {
        int leftWidth = join.left().outputTypes().size();
        int rightWidth = join.right().outputTypes().size();
        JoinKeys keys = splitCondition(join.conjuncts(), leftWidth);
        boolean swap = io.basalt.optimizer.BuildSide.buildsLeft(join, !keys.left().isEmpty());
        PhysicalOperator left = plan(join.left());
        PhysicalOperator right = plan(join.right());
        JoinType type = switch (join.type()) {
            case INNER -> JoinType.INNER;
            case LEFT -> swap ? JoinType.RIGHT : JoinType.LEFT;
            case RIGHT -> swap ? JoinType.LEFT : JoinType.RIGHT;
            case FULL -> JoinType.FULL;
            case SEMI -> swap ? JoinType.RIGHT_SEMI : JoinType.SEMI;
            case ANTI -> swap ? JoinType.RIGHT_ANTI : JoinType.ANTI;
        };
        List<BoundExpression> residual = keys.residual();
        if (swap) {
            // Physical columns: right's first, then left's.
            int[] mapping = new int[leftWidth + rightWidth];
            for (int i = 0; i < mapping.length; i++) {
                mapping[i] = i < leftWidth ? rightWidth + i : i - leftWidth;
            }
            residual = ColumnReferences.renumberAll(residual, mapping);
        }
        PhysicalExpression condition = residual.isEmpty() ? null
                : ExpressionPlanner.plan(residual.size() == 1 ? residual.getFirst()
                        : new BoundExpression.Logical(true, residual, residual.getFirst().position()));
        PhysicalOperator probe = swap ? right : left;
        PhysicalOperator build = swap ? left : right;
        PhysicalOperator joined;
        if (keys.left().isEmpty()) {
            joined = new NestedLoopJoinOperator(probe, build, type, condition);
        } else {
            List<PhysicalExpression> leftKeys = ExpressionPlanner.planAll(keys.left());
            List<PhysicalExpression> rightKeys = ExpressionPlanner.planAll(keys.right());
            joined = JoinKeyFilterPlanner.withKeyFilters(new HashJoinOperator(probe, build, type,
                    swap ? rightKeys : leftKeys, swap ? leftKeys : rightKeys, condition), PhysicalPlanner::rerecord);
        }
        if (!swap || !join.type().keepsRightColumns()) {
            // a RIGHT_SEMI or RIGHT_ANTI join outputs its build columns alone: the left input's, in order
            return joined;
        }
        List<LogicalType> types = joined.outputTypes();
        List<PhysicalExpression> reordered = new ArrayList<>(types.size());
        for (int i = 0; i < leftWidth + rightWidth; i++) {
            int source = i < leftWidth ? rightWidth + i : i - leftWidth;
            reordered.add(new ColumnExpression(source, types.get(source)));
        }
        return new ProjectOperator(joined, reordered);
    }

    /**
     * Splits the conjuncts: {@code l = r} with {@code l} reading only left columns and {@code r} only right
     * ones (or the reverse), both of one type the hash join can hash, becomes a key pair, right keys
     * renumbered onto the right input; a constant TRUE is dropped; everything else stays a residual over
     * left-then-right columns.
     */
    private static JoinKeys splitCondition(List<BoundExpression> conjuncts, int leftWidth) {
        List<BoundExpression> left = new ArrayList<>();
        List<BoundExpression> right = new ArrayList<>();
        List<BoundExpression> residual = new ArrayList<>();
        for (BoundExpression conjunct : conjuncts) {
            if (conjunct instanceof BoundExpression.Constant constant && Boolean.TRUE.equals(constant.value())) {
                continue;
            }
            if (conjunct instanceof BoundExpression.Comparison comparison && comparison.operator() == CompareOp.EQ
                    && comparison.left().type().equals(comparison.right().type())
                    && HashJoinOperator.canHash(comparison.left().type())) {
                Side a = side(comparison.left(), leftWidth);
                Side b = side(comparison.right(), leftWidth);
                if (a == Side.LEFT && b == Side.RIGHT) {
                    left.add(comparison.left());
                    right.add(shiftLeft(comparison.right(), leftWidth));
                    continue;
                }
                if (a == Side.RIGHT && b == Side.LEFT) {
                    left.add(comparison.right());
                    right.add(shiftLeft(comparison.left(), leftWidth));
                    continue;
                }
            }
            residual.add(conjunct);
        }
        return new JoinKeys(left, right, residual);
    }

    private enum Side { NONE, LEFT, RIGHT, BOTH }

    private static Side side(BoundExpression expression, int leftWidth) {
        BitSet columns = new BitSet();
        ColumnReferences.collect(expression, columns);
        if (columns.isEmpty()) {
            return Side.NONE;
        }
        boolean readsLeft = columns.nextSetBit(0) < leftWidth;
        boolean readsRight = columns.length() > leftWidth;
        return readsLeft && readsRight ? Side.BOTH : readsLeft ? Side.LEFT : Side.RIGHT;
    }

    /** {@code expression} over the right input alone: column {@code i} becomes {@code i - leftWidth}. */
    private static BoundExpression shiftLeft(BoundExpression expression, int leftWidth) {
        BitSet columns = new BitSet();
        ColumnReferences.collect(expression, columns);
        int[] mapping = new int[columns.length()];
        for (int i = 0; i < mapping.length; i++) {
            mapping[i] = i - leftWidth;
        }
        return ColumnReferences.renumber(expression, mapping);
    }

    /**
     * A LATERAL join the optimizer left correlated: a dependent nested loop, its right side planned with each
     * reference to the left row (an outer reference of depth 1, or deeper inside nested LATERAL right sides) read
     * through the join's {@link io.basalt.exec.operator.join.LateralRow}.
     */
    private static PhysicalOperator planLateralJoin(LogicalPlan.LateralJoin join) {
        io.basalt.exec.operator.join.LateralRow row = new io.basalt.exec.operator.join.LateralRow();
        BitSet parameters = new BitSet();
        boolean[] volatileRight = {false};
        LogicalPlan right = io.basalt.plan.logical.PlanExpressions.rewrite(join.right(), (expression, depth) -> {
            volatileRight[0] |= LateralParameter.isVolatile(expression);
            return io.basalt.plan.expression.PlaceholderReplacement.replace(expression, leaf -> {
                if (leaf.function() instanceof io.basalt.plan.expression.Placeholder.OuterColumn outer
                        && outer.depth() == depth + 1) {
                    parameters.set(outer.index());
                    return new BoundExpression.Function(new LateralParameter(row, outer.index(),
                            outer.qualifiedName()), List.of(), leaf.type(), leaf.position());
                }
                return leaf;
            });
        });
        List<BoundExpression> conjuncts = new ArrayList<>();
        for (BoundExpression conjunct : join.conjuncts()) {
            if (!(conjunct instanceof BoundExpression.Constant constant && Boolean.TRUE.equals(constant.value()))) {
                conjuncts.add(conjunct);
            }
        }
        PhysicalExpression condition = conjuncts.isEmpty() ? null : ExpressionPlanner.plan(conjuncts.size() == 1
                ? conjuncts.getFirst() : new BoundExpression.Logical(true, conjuncts, conjuncts.getFirst().position()));
        return new io.basalt.exec.operator.join.LateralJoinOperator(plan(join.left()), plan(right), row,
                join.type() == LogicalPlan.JoinType.LEFT ? JoinType.LEFT : JoinType.INNER, condition,
                volatileRight[0] ? null : parameters.stream().toArray());
    }

    /** A chain of UNION ALLs becomes one append of all their inputs, in order. */
    private static List<PhysicalOperator> appendedInputs(LogicalPlan plan, List<PhysicalOperator> inputs) {
        if (plan instanceof LogicalPlan.Append append) {
            appendedInputs(append.left(), inputs);
            appendedInputs(append.right(), inputs);
        } else {
            inputs.add(plan(plan));
        }
        return inputs;
    }

    /** DO UPDATE's expressions, and the key columns of its arbiters (which all have the same columns). */
    private static io.basalt.storage.table.ConflictUpdate conflictUpdate(LogicalPlan.Write write) {
        return conflictUpdate(write.table(), write.conflictArbiters(), write.conflictUpdate(), null, null);
    }

    /**
     * DO UPDATE {@code update} (null: none) of a write into {@code table} with arbiters {@code arbiters}; in a routed
     * partition, with its row order and partition constraint (see {@link io.basalt.storage.table.ConflictUpdate}).
     */
    static io.basalt.storage.table.ConflictUpdate conflictUpdate(io.basalt.catalog.TableEntry table,
                                                                 java.util.Set<String> arbiters,
                                                                 LogicalPlan.ConflictUpdate update, int[] rowOrder,
                                                                 BoundExpression partitionConstraint) {
        if (update == null) {
            return null;
        }
        io.basalt.catalog.UniqueConstraintEntry arbiter = null;
        for (io.basalt.catalog.UniqueConstraintEntry key : table.uniqueKeys()) {
            if (arbiters.contains(key.name())) {
                arbiter = key;
                break;
            }
        }
        for (io.basalt.catalog.IndexEntry index : table.indexes()) {
            if (arbiter == null && index.enforced() && arbiters.contains(index.name())) {
                arbiter = new io.basalt.catalog.UniqueConstraintEntry(index.name(), index.columns(), false, false);
            }
        }
        if (arbiter == null) {
            throw BasaltException.internal("ON CONFLICT DO UPDATE without an arbiter constraint");
        }
        int[] keyColumns = new int[arbiter.columns().size()];
        for (int i = 0; i < keyColumns.length; i++) {
            keyColumns[i] = arbiter.columns().get(i);
        }
        io.basalt.exec.expression.PhysicalExpression[] computedKeys = null;
        if (update.arbiterKeys() != null) {
            computedKeys = new io.basalt.exec.expression.PhysicalExpression[update.arbiterKeys().size()];
            for (int i = 0; i < computedKeys.length; i++) {
                BoundExpression key = update.arbiterKeys().get(i);
                computedKeys[i] = key == null ? null : ExpressionPlanner.plan(key);
            }
        }
        // an action with subqueries is a plan of its own, optimized (its subqueries decorrelated) here
        io.basalt.storage.table.ConflictUpdatePlan computed = update.computed() == null ? null
                : new io.basalt.storage.table.ConflictUpdatePlan(
                        plan(io.basalt.optimizer.Optimizer.optimize(update.computed().plan())),
                        update.computed().input());
        return new io.basalt.storage.table.ConflictUpdate(
                computed != null ? List.of() : ExpressionPlanner.planAll(update.newRow()),
                computed != null || update.condition() == null ? null : ExpressionPlanner.plan(update.condition()),
                keyColumns,
                arbiter.nullsNotDistinct(), update.arbiterPredicate() == null ? null
                        : new io.basalt.storage.table.RowCondition(ExpressionPlanner.plan(update.arbiterPredicate())),
                computedKeys, computed, rowOrder,
                partitionConstraint == null ? null : ExpressionPlanner.plan(partitionConstraint));
    }

    private static List<String> columnNames(LogicalPlan.Write write) {
        List<String> names = new ArrayList<>();
        write.table().columns().forEach(column -> names.add(column.name()));
        return names;
    }

    private static boolean[] notNullFlags(LogicalPlan.Write write) {
        boolean[] flags = new boolean[write.table().columns().size()];
        for (int i = 0; i < flags.length; i++) {
            flags[i] = write.table().columns().get(i).notNull();
        }
        return flags;
    }
}
