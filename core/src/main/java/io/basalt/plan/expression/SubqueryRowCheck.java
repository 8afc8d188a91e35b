package io.basalt.plan.expression;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.type.LogicalType;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;

/**
 * {@code check(count)}: true, unless a count exceeds 1, which means a scalar subquery returned more than
 * one row for one outer row: then it raises PostgreSQL's 21000. The decorrelated plan of a scalar
 * subquery counts its rows per outer key and filters the counts through this check.
 */
public record SubqueryRowCheck() implements ScalarFunction {
    @Override
    public String name() {
        return "single_row_check";
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        BigIntVector counts = (BigIntVector) arguments[0];
        BitVector out = (BitVector) context.newVector(LogicalType.BOOLEAN, rows);
        for (int i = 0; i < rows; i++) {
            if (!counts.isNull(i) && counts.get(i) > 1) {
                throw BasaltException.of(SqlState.CARDINALITY_VIOLATION,
                        "more than one row returned by a subquery used as an expression");
            }
            out.set(i, 1);
        }
        out.setValueCount(rows);
        return out;
    }
}
