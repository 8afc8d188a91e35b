package io.basalt.exec.expression;

import static java.util.Objects.requireNonNull;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.vector.VectorGather;
import io.basalt.type.LogicalType;
import java.util.List;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;

/**
 * {@code CASE WHEN c1 THEN r1 ... ELSE e END} (the simple form is rewritten by the binder into this one).
 * Each result is evaluated only on the rows that chose it, so that {@code CASE WHEN b = 0 THEN 0 ELSE a / b END}
 * never divides by zero: the chosen rows are gathered into a smaller batch, evaluated, and scattered back.
 * Results are written in row order at the end (variable-width Arrow vectors must be filled in order).
 * {@code otherwise} is a NULL constant when there is no ELSE.
 */
public record CaseExpression(List<PhysicalExpression> conditions, List<PhysicalExpression> results,
                             PhysicalExpression otherwise, LogicalType type) implements PhysicalExpression {
    public CaseExpression {
        conditions = List.copyOf(conditions);
        results = List.copyOf(results);
        requireNonNull(otherwise, "otherwise is null");
        requireNonNull(type, "type is null");
    }

    @Override
    public FieldVector evaluate(Batch batch, EvaluationContext context) {
        int rows = batch.rowCount();
        FieldVector out = context.newVector(type, rows);
        int[] undecided = new int[rows];
        int undecidedCount = rows;
        for (int i = 0; i < rows; i++) {
            undecided[i] = i;
        }
        int[] chosen = new int[rows];
        int[] remaining = new int[rows];
        // Where each row's result is: which evaluated vector and which position in it.
        FieldVector[] resultVector = new FieldVector[rows];
        int[] resultIndex = new int[rows];
        for (int w = 0; w < conditions.size() && undecidedCount > 0; w++) {
            Batch candidates = VectorGather.gather(batch, undecided, undecidedCount, context);
            BitVector condition = (BitVector) conditions.get(w).evaluate(candidates, context);
            int chosenCount = 0;
            int remainingCount = 0;
            for (int k = 0; k < undecidedCount; k++) {
                if (!condition.isNull(k) && condition.get(k) == 1) {
                    chosen[chosenCount++] = k;
                } else {
                    remaining[remainingCount++] = undecided[k];
                }
            }
            if (chosenCount > 0) {
                Batch picked = VectorGather.gather(candidates, chosen, chosenCount, context);
                FieldVector value = results.get(w).evaluate(picked, context);
                for (int k = 0; k < chosenCount; k++) {
                    resultVector[undecided[chosen[k]]] = value;
                    resultIndex[undecided[chosen[k]]] = k;
                }
            }
            System.arraycopy(remaining, 0, undecided, 0, remainingCount);
            undecidedCount = remainingCount;
        }
        if (undecidedCount > 0) {
            Batch rest = VectorGather.gather(batch, undecided, undecidedCount, context);
            FieldVector value = otherwise.evaluate(rest, context);
            for (int k = 0; k < undecidedCount; k++) {
                resultVector[undecided[k]] = value;
                resultIndex[undecided[k]] = k;
            }
        }
        for (int i = 0; i < rows; i++) {
            VectorGather.copyValue(resultVector[i], resultIndex[i], out, i);
        }
        out.setValueCount(rows);
        return out;
    }
}
