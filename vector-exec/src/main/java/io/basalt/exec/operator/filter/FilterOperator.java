package io.basalt.exec.operator.filter;

import static java.util.Objects.requireNonNull;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.expression.ColumnExpression;
import io.basalt.exec.expression.ComparisonExpression;
import io.basalt.exec.expression.ConstantExpression;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.PhysicalExpression;
import io.basalt.exec.kernel.ArrowSegments;
import io.basalt.exec.kernel.CompareOp;
import io.basalt.exec.kernel.Kernels;
import io.basalt.exec.operator.OperatorState;
import io.basalt.exec.operator.PhysicalOperator;
import io.basalt.exec.operator.StreamingOperator;
import io.basalt.exec.pipeline.ExecutionContext;
import io.basalt.exec.vector.VectorGather;
import io.basalt.type.LogicalType;
import java.util.List;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;

/**
 * Keeps the rows for which every conjunct is true (NULL counts as false). Conjuncts apply in order, each
 * to the rows the previous ones kept, and the batch is compacted after each one, so a later conjunct
 * never sees a row an earlier one rejected ({@code b <> 0 AND a / b > 1} cannot divide by zero).
 * A conjunct of the shape {@code column op constant} on a 32/64-bit integer or double column runs as a
 * SIMD selection kernel; any other conjunct is evaluated to a boolean vector.
 */
public record FilterOperator(PhysicalOperator child, List<PhysicalExpression> conjuncts) implements StreamingOperator {
    public FilterOperator {
        requireNonNull(child, "child is null");
        conjuncts = List.copyOf(conjuncts);
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
        return "Filter " + conjuncts;
    }

    @Override
    public OperatorState openOperator(ExecutionContext context) {
        return new FilterState(context.kernels(), new EvaluationContext(context.allocator()));
    }

    private final class FilterState implements OperatorState {
        private final Kernels kernels;
        private final EvaluationContext evaluation;
        private int[] selection = new int[0];

        FilterState(Kernels kernels, EvaluationContext evaluation) {
            this.kernels = kernels;
            this.evaluation = evaluation;
        }

        @Override
        public Batch execute(Batch input) {
            evaluation.releaseBatch();
            Batch current = input;
            for (PhysicalExpression conjunct : conjuncts) {
                if (current.rowCount() == 0) {
                    break;
                }
                if (selection.length < current.rowCount()) {
                    selection = new int[Math.max(current.rowCount(), selection.length * 2)];
                }
                int selected = select(conjunct, current);
                current = VectorGather.gather(current, selection, selected, evaluation);
            }
            return current;
        }

        private int select(PhysicalExpression conjunct, Batch batch) {
            int rows = batch.rowCount();
            if (conjunct instanceof ComparisonExpression(CompareOp op, PhysicalExpression left, PhysicalExpression right)) {
                if (left instanceof ColumnExpression column && right instanceof ConstantExpression constant
                        && !constant.isNull()) {
                    int selected = selectByKernel(batch.column(column.index()), op, constant.value(), rows);
                    if (selected >= 0) {
                        return selected;
                    }
                } else if (right instanceof ColumnExpression column && left instanceof ConstantExpression constant
                        && !constant.isNull()) {
                    int selected = selectByKernel(batch.column(column.index()), op.flip(), constant.value(), rows);
                    if (selected >= 0) {
                        return selected;
                    }
                }
            }
            BitVector result = (BitVector) conjunct.evaluate(batch, evaluation);
            int count = 0;
            for (int i = 0; i < rows; i++) {
                if (!result.isNull(i) && result.get(i) == 1) {
                    selection[count++] = i;
                }
            }
            return count;
        }

        /** The number of rows selected by a kernel, or -1 when no kernel fits the column's type. */
        private int selectByKernel(FieldVector column, CompareOp op, Object constant, int rows) {
            LogicalType type = LogicalType.of(column.getField());
            return switch (type.physical()) {
                case INT64 -> kernels.selectLong(ArrowSegments.values(column), ArrowSegments.validity(column), rows, op,
                        (Long) constant, selection);
                case INT32 -> kernels.selectInt(ArrowSegments.values(column), ArrowSegments.validity(column), rows, op,
                        (int) (long) (Long) constant, selection);
                case FLOAT64 -> kernels.selectDouble(ArrowSegments.values(column), ArrowSegments.validity(column), rows,
                        op, (Double) constant, selection);
                default -> -1;
            };
        }

        @Override
        public void close() {
            evaluation.close();
        }
    }
}
