package io.basalt.plan.logical;

import io.basalt.exec.vector.ValueAccess;
import io.basalt.plan.expression.BoundExpression;
import java.util.Arrays;
import java.util.List;

/**
 * Prints a logical plan as an indented tree, one node per line, expressions with column positions
 * ({@code #0}): the golden text of optimizer-rule tests and the seed of EXPLAIN. A join's inputs follow it,
 * left above right; its condition's positions count the left input's columns first.
 */
public final class PlanPrinter {
    private PlanPrinter() {
    }

    public static String print(LogicalPlan plan) {
        StringBuilder out = new StringBuilder();
        print(plan, 0, out);
        return out.toString();
    }

    private static void print(LogicalPlan plan, int depth, StringBuilder out) {
        out.append("  ".repeat(depth));
        List<LogicalPlan> inputs = switch (plan) {
            case LogicalPlan.Scan scan -> {
                out.append("Scan ").append(scan.source().name()).append(' ').append(Arrays.toString(scan.columns()));
                yield List.of();
            }
            case LogicalPlan.Values values -> {
                out.append("Values ").append(values.rows().size()).append(values.rows().size() == 1 ? " row" : " rows");
                yield List.of();
            }
            case LogicalPlan.Filter filter -> {
                out.append("Filter ").append(expressions(filter.conjuncts()));
                yield List.of(filter.input());
            }
            case LogicalPlan.Project project -> {
                out.append("Project ").append(expressions(project.expressions()));
                yield List.of(project.input());
            }
            case LogicalPlan.Join join -> {
                out.append("Join ").append(join.type()).append(' ').append(expressions(join.conjuncts()));
                yield List.of(join.left(), join.right());
            }
            case LogicalPlan.LateralJoin join -> {
                out.append("LateralJoin ").append(join.type()).append(' ').append(expressions(join.conjuncts()));
                yield List.of(join.left(), join.right());
            }
            case LogicalPlan.FunctionScan function -> {
                out.append("FunctionScan ").append(function.function().name()).append(' ')
                        .append(expressions(function.arguments()));
                yield List.of();
            }
            case LogicalPlan.Aggregate aggregate -> {
                out.append("Aggregate keys=").append(expressions(aggregate.groupKeys())).append(" aggregates=[");
                for (int i = 0; i < aggregate.aggregates().size(); i++) {
                    LogicalPlan.AggregateSpec spec = aggregate.aggregates().get(i);
                    out.append(i > 0 ? ", " : "").append(spec.describe(PlanPrinter::expression));
                }
                out.append(']');
                yield List.of(aggregate.input());
            }
            case LogicalPlan.Sort sort -> {
                out.append("Sort [");
                for (int i = 0; i < sort.keys().size(); i++) {
                    LogicalPlan.SortSpec key = sort.keys().get(i);
                    out.append(i > 0 ? ", " : "").append('#').append(key.column()).append(key.descending() ? " DESC" : "")
                            .append(key.nullsFirst() ? " NULLS FIRST" : "");
                }
                out.append(']');
                yield List.of(sort.input());
            }
            case LogicalPlan.DistinctOn distinct -> {
                out.append("DistinctOn ").append(distinct.keys());
                yield List.of(distinct.input());
            }
            case LogicalPlan.Limit limit -> {
                out.append("Limit ").append(limit.limit() < 0 ? "ALL" : limit.limit()).append(" offset ")
                        .append(limit.offset());
                yield List.of(limit.input());
            }
            case LogicalPlan.Apply apply -> {
                out.append("Apply ").append(apply.kind())
                        .append(apply.comparison() == null ? "" : " " + expression(apply.comparison()));
                yield List.of(apply.input(), apply.subquery());
            }
            case LogicalPlan.InitPlanOverInput initPlan -> {
                out.append("InitPlanOverInput ").append(initPlan.inputRows().name());
                yield List.of(initPlan.input(), initPlan.subplan());
            }
            case LogicalPlan.Append append -> {
                out.append("Append");
                yield List.of(append.left(), append.right());
            }
            case LogicalPlan.SortedSetOperation setOperation -> {
                out.append("SortedSetOperation ").append(setOperation.intersect() ? "intersect" : "except");
                yield List.of(setOperation.left(), setOperation.right());
            }
            case LogicalPlan.RecursiveUnion union -> {
                out.append("RecursiveUnion").append(union.distinct() ? "" : " all").append(' ')
                        .append(union.workTable().name());
                yield List.of(union.seed(), union.step());
            }
            case LogicalPlan.Window window -> {
                out.append("Window partition=").append(window.partitionKeys().size()).append(" order=")
                        .append(window.orderKeys().size()).append(" calls=");
                for (int i = 0; i < window.calls().size(); i++) {
                    out.append(i > 0 ? ", " : "").append(window.calls().get(i).function().name());
                }
                yield List.of(window.input());
            }
            case LogicalPlan.Repeat repeat -> {
                out.append("Repeat #").append(repeat.input().outputTypes().size() - 1);
                yield List.of(repeat.input());
            }
            case LogicalPlan.Write write -> {
                out.append(write.kind()).append(' ').append(write.table().name());
                if (write.returnsRows()) {
                    out.append(" returning");
                }
                yield List.of(write.input());
            }
        };
        out.append('\n');
        for (LogicalPlan input : inputs) {
            print(input, depth + 1, out);
        }
    }

    private static String expressions(List<BoundExpression> expressions) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < expressions.size(); i++) {
            out.append(i > 0 ? ", " : "").append(expression(expressions.get(i)));
        }
        return out.append(']').toString();
    }

    public static String expression(BoundExpression expression) {
        return switch (expression) {
            case BoundExpression.ColumnRef e -> "#" + e.index();
            case BoundExpression.Constant e -> e.value() == null ? "NULL" : ValueAccess.text(e.type(), e.value());
            case BoundExpression.Arithmetic e -> "(" + expression(e.left()) + " " + e.operator().symbol() + " "
                    + expression(e.right()) + ")";
            case BoundExpression.Negate e -> "(-" + expression(e.operand()) + ")";
            case BoundExpression.Comparison e -> "(" + expression(e.left()) + " " + e.operator().symbol() + " "
                    + expression(e.right()) + ")";
            case BoundExpression.Logical e -> {
                StringBuilder out = new StringBuilder("(");
                for (int i = 0; i < e.operands().size(); i++) {
                    out.append(i > 0 ? (e.isAnd() ? " AND " : " OR ") : "").append(expression(e.operands().get(i)));
                }
                yield out.append(')').toString();
            }
            case BoundExpression.Not e -> "(NOT " + expression(e.operand()) + ")";
            case BoundExpression.IsNull e -> "(" + expression(e.operand()) + (e.negated() ? " IS NOT NULL)" : " IS NULL)");
            case BoundExpression.Cast e -> expression(e.operand()) + "::" + e.type().displayName();
            case BoundExpression.Case e -> {
                StringBuilder out = new StringBuilder("CASE");
                for (int i = 0; i < e.conditions().size(); i++) {
                    out.append(" WHEN ").append(expression(e.conditions().get(i))).append(" THEN ")
                            .append(expression(e.results().get(i)));
                }
                yield out.append(" ELSE ").append(expression(e.otherwise())).append(" END").toString();
            }
            case BoundExpression.Function e -> e.function().name() + expressions(e.arguments())
                    .replace('[', '(').replace(']', ')');
            case BoundExpression.AggregateCall e -> e.function().name() + "("
                    + (e.argument() == null ? "*" : expression(e.argument())) + ")";
        };
    }
}
