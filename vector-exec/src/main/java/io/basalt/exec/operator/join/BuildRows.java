package io.basalt.exec.operator.join;

import io.basalt.error.BasaltException;
import io.basalt.exec.batch.Batch;
import io.basalt.exec.kernel.ArrowSegments;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.util.VectorAppender;

/**
 * The rows of a join's build side, kept after their batches are gone: one growing Arrow vector per column,
 * to which each incoming batch is appended (buffer copies, amortised doubling), so that a build row is a
 * plain index and gathering it is one vector access. A zero-column input (a join that reads no column of
 * this side) keeps only the row count. Lifecycle: {@link #append} per batch, {@link #finish()} once, then
 * reads ({@link #gather}, {@link #asBatch()}) until {@link #close()}.
 */
final class BuildRows implements AutoCloseable {
    private final FieldVector[] columns;
    private int rowCount;
    private boolean[] hasNulls;

    BuildRows(List<LogicalType> types, BufferAllocator allocator) {
        columns = new FieldVector[types.size()];
        try {
            for (int c = 0; c < columns.length; c++) {
                columns[c] = ValueAccess.allocate(types.get(c), "", allocator, 0);
                columns[c].setValueCount(0);
            }
        } catch (RuntimeException failure) {
            close();
            throw failure;
        }
    }

    /** Copies the batch's rows to the end. The batch's columns must have this side's types, in order. */
    void append(Batch batch) {
        int rows = batch.rowCount();
        if (rows == 0) {
            return;
        }
        if ((long) rowCount + rows > Integer.MAX_VALUE - 8) {
            throw BasaltException.internal("join build side exceeds " + (Integer.MAX_VALUE - 8) + " rows");
        }
        for (int c = 0; c < columns.length; c++) {
            FieldVector column = columns[c];
            batch.column(c).accept(new VectorAppender(column), null);
        }
        rowCount += rows;
    }

    /** Bytes the kept rows' vectors hold (their buffers as filled so far). */
    long bytes() {
        long total = 0;
        for (FieldVector column : columns) {
            total += column.getBufferSize();
        }
        return total;
    }

    /** Called once after the last append: notes which columns hold NULLs, for {@link #gather}. */
    void finish() {
        hasNulls = new boolean[columns.length];
        for (int c = 0; c < columns.length; c++) {
            hasNulls[c] = columns[c].getNullCount() > 0;
        }
    }

    /**
     * Copies build rows {@code selection[0..count)} of column {@code column} into rows 0.. of {@code target}
     * (a vector of the column's type with room for {@code count} values). The NULL count of a build
     * column is known from {@link #finish()}, so that a small gather never rescans a large column's
     * validity bitmap; fixed-width columns copy in typed loops over the buffers.
     */
    void gather(int column, int[] selection, int count, FieldVector target) {
        assert hasNulls != null : "gather before finish";
        FieldVector source = columns[column];
        if (!hasNulls[column]) {
            switch (source) {
                case BigIntVector from -> {
                    MemorySegment values = ArrowSegments.values(from);
                    BigIntVector to = (BigIntVector) target;
                    for (int k = 0; k < count; k++) {
                        to.set(k, values.get(ArrowSegments.LONG, (long) selection[k] << 3));
                    }
                    to.setValueCount(count);
                    return;
                }
                case IntVector from -> {
                    MemorySegment values = ArrowSegments.values(from);
                    IntVector to = (IntVector) target;
                    for (int k = 0; k < count; k++) {
                        to.set(k, values.get(ArrowSegments.INT, (long) selection[k] << 2));
                    }
                    to.setValueCount(count);
                    return;
                }
                case DateDayVector from -> {
                    MemorySegment values = ArrowSegments.values(from);
                    DateDayVector to = (DateDayVector) target;
                    for (int k = 0; k < count; k++) {
                        to.set(k, values.get(ArrowSegments.INT, (long) selection[k] << 2));
                    }
                    to.setValueCount(count);
                    return;
                }
                case Float8Vector from -> {
                    MemorySegment values = ArrowSegments.values(from);
                    Float8Vector to = (Float8Vector) target;
                    for (int k = 0; k < count; k++) {
                        to.set(k, values.get(ArrowSegments.DOUBLE, (long) selection[k] << 3));
                    }
                    to.setValueCount(count);
                    return;
                }
                default -> {
                }
            }
        }
        io.basalt.exec.vector.VectorGather.gather(source, selection, count, target, !hasNulls[column]);
    }

    /** Whether build column {@code column} holds a NULL (known after {@link #finish()}). */
    boolean hasNulls(int column) {
        assert hasNulls != null : "hasNulls before finish";
        return hasNulls[column];
    }

    int rowCount() {
        return rowCount;
    }

    int columnCount() {
        return columns.length;
    }

    FieldVector column(int index) {
        return columns[index];
    }

    /** All kept rows as one batch; valid until close. */
    Batch asBatch() {
        return new Batch(Arrays.asList(columns), rowCount);
    }

    @Override
    public void close() {
        for (FieldVector column : columns) {
            if (column != null) {
                column.close();
            }
        }
    }
}
