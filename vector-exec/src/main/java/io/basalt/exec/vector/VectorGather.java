package io.basalt.exec.vector;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;

/**
 * Builds new vectors holding chosen rows of existing ones, in the order of a selection. This is how
 * filters compact their output and how CASE narrows a batch to the rows of one branch. Fixed-width
 * columns without nulls copy in tight typed loops; other columns copy value by value.
 */
public final class VectorGather {
    private VectorGather() {
    }

    /** A batch of {@code count} rows: row k is row {@code selection[k]} of {@code batch}. */
    public static Batch gather(Batch batch, int[] selection, int count, EvaluationContext context) {
        if (count == batch.rowCount() && isIdentity(selection, count)) {
            return batch;
        }
        List<FieldVector> columns = new ArrayList<>(batch.columnCount());
        for (FieldVector source : batch.columns()) {
            FieldVector target = context.newVector(LogicalType.of(source.getField()), count);
            gather(source, selection, count, target);
            columns.add(target);
        }
        return new Batch(columns, count);
    }

    /**
     * A batch of {@code count} rows, row k being row {@code selection[k]} of {@code batch}, in new vectors from
     * {@code allocator} that the caller owns and closes (also when this throws: the vectors made so far are then
     * closed here).
     */
    public static Batch gatherCopy(Batch batch, int[] selection, int count, org.apache.arrow.memory.BufferAllocator allocator) {
        List<FieldVector> columns = new ArrayList<>(batch.columnCount());
        try {
            for (FieldVector source : batch.columns()) {
                FieldVector target = ValueAccess.allocate(LogicalType.of(source.getField()), source.getName(), allocator,
                        count);
                columns.add(target);
                gather(source, selection, count, target);
            }
        } catch (RuntimeException | Error failure) {
            for (FieldVector column : columns) {
                column.close();
            }
            throw failure;
        }
        return new Batch(columns, count);
    }

    /** Copies rows {@code selection[0..count)} of {@code source} into rows 0.. of {@code target}. */
    public static void gather(FieldVector source, int[] selection, int count, FieldVector target) {
        boolean noNulls = source.getNullCount() == 0;
        if (noNulls && source instanceof BigIntVector from && target instanceof BigIntVector to) {
            for (int k = 0; k < count; k++) {
                to.set(k, from.get(selection[k]));
            }
        } else if (noNulls && source instanceof IntVector from && target instanceof IntVector to) {
            for (int k = 0; k < count; k++) {
                to.set(k, from.get(selection[k]));
            }
        } else if (noNulls && source instanceof DateDayVector from && target instanceof DateDayVector to) {
            for (int k = 0; k < count; k++) {
                to.set(k, from.get(selection[k]));
            }
        } else if (noNulls && source instanceof Float8Vector from && target instanceof Float8Vector to) {
            for (int k = 0; k < count; k++) {
                to.set(k, from.get(selection[k]));
            }
        } else {
            for (int k = 0; k < count; k++) {
                copyValue(source, selection[k], target, k);
            }
        }
        target.setValueCount(count);
    }

    /**
     * Copies one value (or NULL) between vectors of the same type. Arrays go through {@link ArrayVectors#copyRow}
     * (and must be written in increasing target order).
     */
    public static void copyValue(FieldVector source, int sourceRow, FieldVector target, int targetRow) {
        if (target instanceof org.apache.arrow.vector.complex.StructVector) {
            ArrayVectors.copyRow(source, sourceRow, target, targetRow);
            return;
        }
        target.copyFromSafe(sourceRow, targetRow, source);
    }

    private static boolean isIdentity(int[] selection, int count) {
        for (int k = 0; k < count; k++) {
            if (selection[k] != k) {
                return false;
            }
        }
        return true;
    }
}
