package io.basalt.exec.operator.set;

import static java.util.Objects.requireNonNull;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.operator.OperatorState;
import io.basalt.exec.operator.PhysicalOperator;
import io.basalt.exec.operator.StreamingOperator;
import io.basalt.exec.operator.join.ExpandingOperatorState;
import io.basalt.exec.pipeline.ExecutionContext;
import io.basalt.exec.vector.VectorGather;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;

/**
 * Repeats each input row as many times as its last column, a BIGINT count, says (zero, negative or NULL:
 * not at all), and drops that column: the multiplicities of INTERSECT ALL and EXCEPT ALL. One input row may
 * stand for more rows than a batch holds, so the output comes in pieces of at most the vector size.
 */
public record RepeatOperator(PhysicalOperator child) implements StreamingOperator {
    public RepeatOperator {
        requireNonNull(child, "child is null");
        List<LogicalType> types = child.outputTypes();
        if (types.isEmpty() || !types.getLast().equals(LogicalType.BIGINT)) {
            throw new IllegalArgumentException("the last input column must be the BIGINT count");
        }
    }

    @Override
    public List<LogicalType> outputTypes() {
        List<LogicalType> types = child.outputTypes();
        return types.subList(0, types.size() - 1);
    }

    @Override
    public String describe() {
        return "Repeat";
    }

    @Override
    public OperatorState openOperator(ExecutionContext context) {
        return new RepeatState(context.vectorSize(), new EvaluationContext(context.allocator()));
    }

    private static final class RepeatState implements ExpandingOperatorState {
        private final int pieceSize;
        private final EvaluationContext evaluation;
        private final int[] selection;
        private Batch input;
        private int row;
        private long remainingCopies;

        RepeatState(int pieceSize, EvaluationContext evaluation) {
            this.pieceSize = pieceSize;
            this.evaluation = evaluation;
            this.selection = new int[pieceSize];
        }

        @Override
        public Batch execute(Batch batch) {
            input = batch;
            row = -1;
            remainingCopies = 0;
            Batch piece = continueOutput();
            if (piece != null) {
                return piece;
            }
            evaluation.releaseBatch();
            Batch empty = VectorGather.gather(batch, selection, 0, evaluation);
            return new Batch(withoutCount(empty.columns()), 0);
        }

        /** The next piece: selection indices into the input, each row repeated by its count. */
        @Override
        public Batch continueOutput() {
            if (input == null) {
                return null;
            }
            BigIntVector counts = (BigIntVector) input.columns().getLast();
            int filled = 0;
            while (filled < pieceSize) {
                if (remainingCopies == 0) {
                    row++;
                    if (row >= input.rowCount()) {
                        break;
                    }
                    remainingCopies = counts.isNull(row) ? 0 : Math.max(0, counts.get(row));
                    continue;
                }
                long take = Math.min(remainingCopies, pieceSize - filled);
                for (int k = 0; k < take; k++) {
                    selection[filled++] = row;
                }
                remainingCopies -= take;
            }
            if (filled == 0) {
                input = null;
                return null;
            }
            evaluation.releaseBatch();
            Batch gathered = VectorGather.gather(input, selection, filled, evaluation);
            return new Batch(withoutCount(gathered.columns()), filled);
        }

        private static List<FieldVector> withoutCount(List<FieldVector> columns) {
            return new ArrayList<>(columns.subList(0, columns.size() - 1));
        }

        @Override
        public void close() {
            evaluation.close();
        }
    }
}
