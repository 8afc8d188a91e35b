package io.basalt.exec.operator.filter;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.expression.ColumnExpression;
import io.basalt.exec.expression.ComparisonExpression;
import io.basalt.exec.expression.ConstantExpression;
import io.basalt.exec.expression.FunctionExpression;
import io.basalt.exec.expression.PhysicalExpression;
import io.basalt.exec.function.json.PathValueFunction;
import io.basalt.type.LogicalType;
import java.util.List;

/**
 * A filter conjunct comparing a scan's path column ({@link PathValueFunction} over the values a shredded sub-column
 * gave and the documents it did not cover) with a constant. In a batch whose documents are all NULL (every row's value
 * came from the sub-column, the usual case) the comparison reads only the values column, cannot fail, and so narrows
 * the selection like a comparison of a plain column ({@code refinable}, handled by {@link SelectionRefiner}); in any
 * other batch the conjunct is evaluated as written, in its place among the fallible conjuncts, since the extraction it
 * falls back to may raise an error.
 *
 * @param conjunct  the conjunct as planned
 * @param documents the input column holding the documents the sub-column did not cover
 * @param refinable the same comparison on the values column
 */
record PathComparison(PhysicalExpression conjunct, int documents, ComparisonExpression refinable) {
    /** The path comparison {@code conjunct} is, when it is one the refiner takes on the values column; else null. */
    static PathComparison of(PhysicalExpression conjunct, List<LogicalType> inputTypes) {
        if (!(conjunct instanceof ComparisonExpression(var op, PhysicalExpression left, PhysicalExpression right))) {
            return null;
        }
        boolean pathLeft = right instanceof ConstantExpression;
        PhysicalExpression path = pathLeft ? left : right;
        if (!(pathLeft || left instanceof ConstantExpression)
                || !(path instanceof FunctionExpression call) || !(call.function() instanceof PathValueFunction)
                || !(call.arguments().get(0) instanceof ColumnExpression values)
                || !(call.arguments().get(1) instanceof ColumnExpression documents)) {
            return null;
        }
        ComparisonExpression onValues = pathLeft ? new ComparisonExpression(op, values, right)
                : new ComparisonExpression(op, left, values);
        return SelectionRefiner.handles(onValues, inputTypes)
                ? new PathComparison(conjunct, documents.index(), onValues) : null;
    }

    /** Whether every row of {@code batch} takes its value from the values column. */
    boolean valuesOnly(Batch batch) {
        return batch.column(documents).getNullCount() == batch.physicalRowCount();
    }
}
