package io.basalt.exec.expression;

import static java.util.Objects.requireNonNull;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.vector.VectorGather;
import io.basalt.type.LogicalType;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.BitVectorHelper;
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
        if (out instanceof BaseFixedWidthVector fixed && !(out instanceof BitVector)
                && fixed.getValueCapacity() >= rows && sameClass(resultVector, rows, out)) {
            copyFixedWidth(resultVector, resultIndex, rows, fixed);
        } else {
            for (int i = 0; i < rows; i++) {
                VectorGather.copyValue(resultVector[i], resultIndex[i], out, i);
            }
        }
        out.setValueCount(rows);
        return out;
    }

    private static boolean sameClass(FieldVector[] sources, int rows, FieldVector out) {
        for (int i = 0; i < rows; i++) {
            if (sources[i].getClass() != out.getClass()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Row {@code i} of {@code out} := row {@code positions[i]} of {@code sources[i]} (vectors of out's class), by
     * plain reads and writes of the values and validity bits. The general path, Arrow's {@code copyFromSafe} per
     * row, brought its growth and allocation code into this method when C2 compiled it: 55-77 KB of code that took
     * C2 1-5 s per compile, seven times in one TPC-H suite run (each new query's CASE trapped the previous one).
     */
    private static void copyFixedWidth(FieldVector[] sources, int[] positions, int rows, BaseFixedWidthVector out) {
        int width = out.getTypeWidth();
        ArrowBuf data = out.getDataBuffer();
        ArrowBuf validity = out.getValidityBuffer();
        // one loop per width, so that no row switches on it
        if (width == 8) {
            for (int i = 0; i < rows; i++) {
                BaseFixedWidthVector source = (BaseFixedWidthVector) sources[i];
                if (copyValidity(source, positions[i], validity, i)) {
                    data.setLong((long) i * 8, source.getDataBuffer().getLong((long) positions[i] * 8));
                }
            }
        } else if (width == 4) {
            for (int i = 0; i < rows; i++) {
                BaseFixedWidthVector source = (BaseFixedWidthVector) sources[i];
                if (copyValidity(source, positions[i], validity, i)) {
                    data.setInt((long) i * 4, source.getDataBuffer().getInt((long) positions[i] * 4));
                }
            }
        } else {
            for (int i = 0; i < rows; i++) {
                BaseFixedWidthVector source = (BaseFixedWidthVector) sources[i];
                if (copyValidity(source, positions[i], validity, i)) {
                    data.setBytes((long) i * width, source.getDataBuffer(), (long) positions[i] * width, width);
                }
            }
        }
    }

    /** Sets or clears bit {@code row} of {@code validity} as row {@code at} of {@code source} is valid; returns that. */
    private static boolean copyValidity(BaseFixedWidthVector source, int at, ArrowBuf validity, int row) {
        if (source.isNull(at)) {
            BitVectorHelper.unsetBit(validity, row);
            return false;
        }
        BitVectorHelper.setBit(validity, row);
        return true;
    }
}
