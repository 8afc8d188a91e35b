package io.basalt.storage.table;

import static java.util.Objects.requireNonNull;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.batch.Batch;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.PhysicalExpression;
import io.basalt.exec.operator.OperatorState;
import io.basalt.exec.operator.PhysicalOperator;
import io.basalt.exec.operator.StreamingOperator;
import io.basalt.exec.pipeline.ExecutionContext;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;

/**
 * Passes an UPDATE's rows (row id, then the new row's {@code width} columns, then any others) on unchanged after
 * checking that each new row satisfies the partition constraint of the partition it stays in, else 23514
 * "new row for relation ... violates partition constraint" with the row in its detail.
 */
public record PartitionConstraintCheckOperator(PhysicalOperator child, PhysicalExpression constraint, String relation,
                                               int width) implements StreamingOperator {
    public PartitionConstraintCheckOperator {
        requireNonNull(child, "child is null");
        requireNonNull(constraint, "constraint is null");
        requireNonNull(relation, "relation is null");
    }

    @Override
    public List<LogicalType> outputTypes() {
        return child.outputTypes();
    }

    @Override
    public boolean parallelSafe() {
        return true;
    }

    @Override
    public String describe() {
        return "PartitionConstraintCheck " + relation;
    }

    @Override
    public OperatorState openOperator(ExecutionContext context) {
        EvaluationContext evaluation = new EvaluationContext(context.allocator());
        return new OperatorState() {
            @Override
            public Batch execute(Batch input) {
                evaluation.releaseBatch();
                BitVector holds = (BitVector) constraint.evaluate(input, evaluation);
                for (int row = 0; row < input.rowCount(); row++) {
                    if (holds.isNull(row) || holds.get(row) == 0) {
                        List<FieldVector> newRow = new ArrayList<>(input.columns().subList(1, 1 + width));
                        throw BasaltException.of(SqlState.CHECK_VIOLATION, "new row for relation \"" + relation
                                        + "\" violates partition constraint")
                                .withDetail("Failing row contains " + TableWriteOperator.describeRow(
                                        new Batch(newRow, input.rowCount()), row) + ".");
                    }
                }
                return input;
            }

            @Override
            public void close() {
                evaluation.close();
            }
        };
    }
}
