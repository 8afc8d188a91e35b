package io.basalt.binder;

import io.basalt.exec.function.window.WindowFunction;
import io.basalt.exec.kernel.CompareOp;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.exec.operator.window.WindowFrame;
import io.basalt.plan.logical.LogicalPlan;
import io.basalt.sql.ast.FromItem;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code f(...) WITH ORDINALITY}: the function's rows with one more column, {@code ordinality} (bigint), numbering
 * them from 1 in the order the function returns them. Planned as {@code row_number() OVER ()} over the function's
 * rows: a window without partitions or order keeps its input's order. The column aliases name the function's
 * columns and then the ordinality column.
 *
 * <p>{@code ROWS FROM (f(...), g(...)) [WITH ORDINALITY]} numbers each function's rows the same way and lines them
 * up by number: a FULL JOIN on the numbers (the shorter functions' columns NULL past their last row), sorted by the
 * number, which is kept as the ordinality column or dropped.
 */
final class FunctionOrdinality {
    private FunctionOrdinality() {
    }

    /** {@code source} (the function bound without ordinality and without column aliases) with its row numbers. */
    static FromClauseBinder.Source number(FromClauseBinder.Source source, FromItem.Function function) {
        LogicalPlan numbered = new LogicalPlan.Window(source.plan(), List.of(), List.of(),
                List.of(new LogicalPlan.WindowCallSpec(WindowFunction.of(WindowFunction.Kind.ROW_NUMBER,
                        LogicalType.BIGINT), List.of(), WindowFrame.DEFAULT)));
        List<String> names = new ArrayList<>();
        for (Scope.Column column : source.scope().columns()) {
            names.add(column.name());
        }
        names.add("ordinality");
        String qualifier = source.itemNames().isEmpty() ? null : source.itemNames().getFirst();
        names = FromClauseBinder.aliasColumns(names, function.columnAliases(), qualifier, function.position());
        return new FromClauseBinder.Source(numbered, FromClauseBinder.scopeOf(qualifier, names,
                numbered.outputTypes()), source.itemNames());
    }

    /** The members of a ROWS FROM, each numbered by {@link #number}, side by side. */
    static FromClauseBinder.Source zip(List<FromClauseBinder.Source> members, FromItem.Function function) {
        LogicalPlan plan = members.getFirst().plan();
        List<String> names = new ArrayList<>(valueNames(members.getFirst()));
        int ordinal = plan.outputTypes().size() - 1;
        for (int m = 1; m < members.size(); m++) {
            LogicalPlan right = members.get(m).plan();
            int leftWidth = plan.outputTypes().size();
            int rightOrdinal = leftWidth + right.outputTypes().size() - 1;
            BoundExpression leftNumber = column(ordinal, plan.outputTypes().get(ordinal));
            BoundExpression rightNumber = column(rightOrdinal, LogicalType.BIGINT);
            LogicalPlan joined = new LogicalPlan.Join(LogicalPlan.JoinType.FULL, plan, right,
                    List.of(new BoundExpression.Comparison(CompareOp.EQ, leftNumber, rightNumber, function.position())));
            List<BoundExpression> columns = new ArrayList<>();
            for (int i = 0; i < leftWidth; i++) {
                if (i != ordinal) {
                    columns.add(column(i, joined.outputTypes().get(i)));
                }
            }
            for (int i = leftWidth; i < rightOrdinal; i++) {
                columns.add(column(i, joined.outputTypes().get(i)));
            }
            columns.add(new BoundExpression.Case(List.of(new BoundExpression.IsNull(leftNumber, true, 0)),
                    List.of(leftNumber), rightNumber, LogicalType.BIGINT, 0));
            plan = new LogicalPlan.Project(joined, columns);
            ordinal = columns.size() - 1;
            names.addAll(valueNames(members.get(m)));
        }
        plan = new LogicalPlan.Sort(plan, List.of(new LogicalPlan.SortSpec(ordinal, false, false)));
        if (function.withOrdinality()) {
            names.add("ordinality");
        } else {
            List<BoundExpression> values = new ArrayList<>();
            for (int i = 0; i < ordinal; i++) {
                values.add(column(i, plan.outputTypes().get(i)));
            }
            plan = new LogicalPlan.Project(plan, values);
        }
        List<String> itemNames = function.alias() != null ? List.of(function.alias()) : members.getFirst().itemNames();
        String qualifier = itemNames.isEmpty() ? null : itemNames.getFirst();
        names = FromClauseBinder.aliasColumns(names, function.columnAliases(), qualifier, function.position());
        return new FromClauseBinder.Source(plan, FromClauseBinder.scopeOf(qualifier, names, plan.outputTypes()),
                itemNames);
    }

    /** The names of a numbered member's own columns (all but its number). */
    private static List<String> valueNames(FromClauseBinder.Source member) {
        List<String> names = new ArrayList<>();
        List<Scope.Column> columns = member.scope().columns();
        for (int i = 0; i < columns.size() - 1; i++) {
            names.add(columns.get(i).name());
        }
        return names;
    }

    private static BoundExpression column(int index, LogicalType type) {
        return new BoundExpression.ColumnRef(index, null, "#" + index, type, 0);
    }
}
