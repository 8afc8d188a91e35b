package io.basalt.planner;

import static java.util.Objects.requireNonNull;

import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.operator.join.LateralRow;
import io.basalt.exec.vector.VectorGather;
import io.basalt.plan.expression.VolatileFunction;
import io.basalt.type.LogicalType;
import org.apache.arrow.vector.FieldVector;

/**
 * A LATERAL join's right side reading column {@code column} of the left row it is computed for: the value of that
 * row (through {@code row}, which the join points at it) repeated for every row of the batch. Volatile, so that
 * constant folding never evaluates it before the join has a row.
 */
record LateralParameter(LateralRow row, int column, String qualifiedName) implements VolatileFunction {
    LateralParameter {
        requireNonNull(row, "row is null");
    }

    @Override
    public String name() {
        return "lateral." + qualifiedName;
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        FieldVector source = row.column(column);
        FieldVector result = context.newVector(resultType, rows);
        int[] same = new int[rows];
        java.util.Arrays.fill(same, row.row());
        VectorGather.gather(source, same, rows, result);
        return result;
    }
}
