package io.basalt.planner;

import io.basalt.exec.expression.PhysicalExpression;
import io.basalt.exec.operator.PhysicalOperator;
import io.basalt.exec.operator.aggregate.AggregateCall;
import io.basalt.exec.operator.aggregate.HashAggregateOperator;
import io.basalt.exec.operator.filter.FilterOperator;
import io.basalt.exec.operator.limit.LimitOperator;
import io.basalt.exec.operator.project.ProjectOperator;
import io.basalt.exec.operator.scan.ScanOperator;
import io.basalt.exec.operator.sort.SortKey;
import io.basalt.exec.operator.sort.SortOperator;
import io.basalt.exec.operator.values.ValuesOperator;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.logical.LogicalPlan;
import io.basalt.storage.table.TableInsertOperator;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;

/**
 * Chooses an operator for each logical node. There is one choice per node today (hash aggregation,
 * full sort); the planner issue adds the alternatives (perfect-hash aggregation, top-N, index lookups).
 */
public final class PhysicalPlanner {
    private PhysicalPlanner() {
    }

    public static PhysicalOperator plan(LogicalPlan plan) {
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
            case LogicalPlan.Filter filter -> new FilterOperator(plan(filter.input()),
                    ExpressionPlanner.planAll(filter.conjuncts()));
            case LogicalPlan.Project project -> new ProjectOperator(plan(project.input()),
                    ExpressionPlanner.planAll(project.expressions()));
            case LogicalPlan.Aggregate aggregate -> {
                List<AggregateCall> calls = new ArrayList<>();
                for (LogicalPlan.AggregateSpec spec : aggregate.aggregates()) {
                    calls.add(new AggregateCall(spec.function(),
                            spec.argument() == null ? null : ExpressionPlanner.plan(spec.argument())));
                }
                yield new HashAggregateOperator(plan(aggregate.input()),
                        ExpressionPlanner.planAll(aggregate.groupKeys()), calls);
            }
            case LogicalPlan.Sort sort -> {
                List<SortKey> keys = new ArrayList<>();
                for (LogicalPlan.SortSpec spec : sort.keys()) {
                    keys.add(new SortKey(spec.column(), spec.descending(), spec.nullsFirst()));
                }
                yield new SortOperator(plan(sort.input()), keys);
            }
            case LogicalPlan.Limit limit -> new LimitOperator(plan(limit.input()), limit.limit(), limit.offset());
            case LogicalPlan.Insert insert -> new TableInsertOperator(plan(insert.input()), insert.table().name(),
                    insert.table().store(), columnNames(insert), notNullFlags(insert));
        };
    }

    private static List<String> columnNames(LogicalPlan.Insert insert) {
        List<String> names = new ArrayList<>();
        insert.table().columns().forEach(column -> names.add(column.name()));
        return names;
    }

    private static boolean[] notNullFlags(LogicalPlan.Insert insert) {
        boolean[] flags = new boolean[insert.table().columns().size()];
        for (int i = 0; i < flags.length; i++) {
            flags[i] = insert.table().columns().get(i).notNull();
        }
        return flags;
    }
}
