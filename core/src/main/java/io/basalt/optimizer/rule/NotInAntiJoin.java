package io.basalt.optimizer.rule;

import io.basalt.exec.kernel.CompareOp;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.expression.ColumnReferences;
import io.basalt.plan.logical.LogicalPlan;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * {@code WHERE x NOT IN (q)} with an uncorrelated {@code q}, tested by a conjunct of its own, as an anti join
 * instead of the general mark ({@link SubqueryValues#anyMark}, a LEFT join and a CASE per row). SQL's NULLs
 * are kept by a one-row count of q joined to the rows the anti join leaves:
 *
 * <pre>
 * Filter [NOT #m]                 Project [input columns, false AS #m]
 *   Apply ANY (x = v)       ->      Filter [rows = 0 OR (x IS NOT NULL AND values = rows)]
 *     input                           Join INNER
 *     q                                 Join ANTI [x = v] input, q
 *                                       Aggregate [count(*) AS rows, count(v) AS values] q
 * </pre>
 *
 * An input row without an equal value in q passes when q is empty, or when neither x nor any value of q is
 * NULL (else {@code x NOT IN (q)} is NULL, which a WHERE clause drops too).
 */
final class NotInAntiJoin {
    private NotInAntiJoin() {
    }

    /**
     * The rewritten plan, whose column {@code column} (after the input's {@code column} columns) is the
     * constant false; or null when {@code comparison} is not an equality of an expression over the input with
     * one over the subquery's value (at {@code #column}).
     */
    static LogicalPlan orNull(LogicalPlan input, LogicalPlan subquery, BoundExpression comparison, int column) {
        if (!(comparison instanceof BoundExpression.Comparison equality) || equality.operator() != CompareOp.EQ) {
            return null;
        }
        BoundExpression operand = equality.left();
        BitSet operandReads = reads(operand);
        BitSet valueReads = reads(equality.right());
        if (operandReads.length() > column || valueReads.isEmpty() || valueReads.nextSetBit(0) < column) {
            return null;
        }
        LogicalPlan anti = new LogicalPlan.Join(LogicalPlan.JoinType.ANTI, input, subquery, List.of(comparison));
        BoundExpression value = onSubquery(equality.right(), column);
        LogicalPlan counts = new LogicalPlan.Aggregate(subquery, List.of(), List.of(
                new LogicalPlan.AggregateSpec(DecorrelateSubqueries.countStar(), null),
                new LogicalPlan.AggregateSpec(DecorrelateSubqueries.count(value.type()), value)));
        LogicalPlan joined = new LogicalPlan.Join(LogicalPlan.JoinType.INNER, anti, counts, List.of());
        BoundExpression rows = new BoundExpression.ColumnRef(column, null, "?column?", LogicalType.BIGINT, 0);
        BoundExpression values = new BoundExpression.ColumnRef(column + 1, null, "?column?", LogicalType.BIGINT, 0);
        BoundExpression noRows = new BoundExpression.Comparison(CompareOp.EQ, rows,
                new BoundExpression.Constant(0L, LogicalType.BIGINT, 0), 0);
        BoundExpression noNulls = new BoundExpression.Logical(true, List.of(
                new BoundExpression.IsNull(operand, true, 0),
                new BoundExpression.Comparison(CompareOp.EQ, values, rows, 0)), 0);
        LogicalPlan kept = new LogicalPlan.Filter(joined, List.of(
                new BoundExpression.Logical(false, List.of(noRows, noNulls), 0)));
        List<BoundExpression> columns = DecorrelateSubqueries.columns(kept, column);
        columns.add(new BoundExpression.Constant(false, LogicalType.BOOLEAN, 0));
        return new LogicalPlan.Project(kept, columns);
    }

    private static BitSet reads(BoundExpression expression) {
        BitSet read = new BitSet();
        ColumnReferences.collect(expression, read);
        return read;
    }

    /** An expression over the subquery's columns at {@code #width}.., renumbered onto the subquery's own. */
    private static BoundExpression onSubquery(BoundExpression expression, int width) {
        BitSet read = reads(expression);
        int[] mapping = new int[read.length()];
        for (int i = 0; i < mapping.length; i++) {
            mapping[i] = i - width;
        }
        return ColumnReferences.renumber(expression, mapping);
    }
}
