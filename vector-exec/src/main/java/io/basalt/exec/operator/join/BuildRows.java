package io.basalt.exec.operator.join;

import io.basalt.error.BasaltException;
import io.basalt.exec.batch.Batch;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.exec.vector.VectorGather;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.util.VectorAppender;

/**
 * The rows of a join's build side, kept after their batches are gone. While the side is read, each incoming
 * batch is appended to a chunk of vectors of at most {@link #CHUNK_ROWS} rows (small buffers from the pooled
 * allocator), and a parallel build's workers hand their chunks over without copying them ({@link #take});
 * {@link #finish()} then copies the chunks once into one exactly sized vector per column, so that a build row
 * is a plain index and gathering it is one vector access. (Appending to one growing vector instead reallocated
 * it at every doubling: for a 6M-row side most of the build went into zeroing and copying fresh large
 * buffers.) A zero-column input (a join that reads no column of this side) keeps only the row count.
 * Lifecycle: {@link #append}/{@link #take} while filling, {@link #finish()} once, then reads ({@link #gather},
 * {@link #asBatch()}) until {@link #close()}; {@link #asBatch()} and {@link #column} also consolidate the chunks
 * when called before {@link #finish()}.
 */
final class BuildRows implements AutoCloseable {
    /** Rows per chunk while filling: a chunk's vectors stay small enough for the allocator's pools. */
    static final int CHUNK_ROWS = 1 << 15;

    private final List<LogicalType> types;
    private final BufferAllocator allocator;
    /** The consolidated columns; null while rows are still in {@link #chunks}. */
    private FieldVector[] columns;
    /** Filled chunks, then the chunk being filled (last); empty once consolidated. */
    private final List<FieldVector[]> chunks = new ArrayList<>();
    private int currentChunkRows;
    /** The rows the chunk being filled was allocated for. */
    private int currentChunkCapacity;
    /** The smallest chunk allocated for dense rows (a build side of a few rows fits it without growing). */
    private static final int MIN_CHUNK_ROWS = 1024;
    /** Buffer bytes of the chunks before the last one. */
    private long filledChunkBytes;
    private int rowCount;
    private boolean[] hasNulls;

    BuildRows(List<LogicalType> types, BufferAllocator allocator) {
        this.types = List.copyOf(types);
        this.allocator = allocator;
    }

    /**
     * Copies the batch's rows to the end. The batch's columns must have this side's types, in order. A selective
     * batch's rows are gathered once, straight into a chunk of their own, rather than compacted by the filter and
     * copied again here.
     */
    void append(Batch batch) {
        int rows = batch.rowCount();
        if (rows == 0) {
            return;
        }
        if ((long) rowCount + rows > Integer.MAX_VALUE - 8) {
            throw BasaltException.internal("join build side exceeds " + (Integer.MAX_VALUE - 8) + " rows");
        }
        if (batch.isSelective()) {
            appendSelected(batch);
            return;
        }
        if (columns != null) {
            for (int c = 0; c < columns.length; c++) {
                batch.column(c).accept(new VectorAppender(columns[c]), null);
            }
            rowCount += rows;
            return;
        }
        if (chunks.isEmpty() || currentChunkRows + rows > currentChunkCapacity) {
            if (!chunks.isEmpty()) {
                filledChunkBytes += bytesOf(chunks.getLast());
            }
            // Sized up front, so that appending never reallocates the chunk's fixed-width buffers: the batch's
            // rows, or as many as the side already holds (chunks double while the side grows), up to CHUNK_ROWS.
            // (Chunks that started empty and doubled at each append were a tenth of TPC-H Q9's build.) At most
            // eight batches ahead: a chunk allocated far beyond the rows that came took the memory a build under a
            // small memory_limit needs before it spills (ParallelJoinBuildTest at vector size 7 ran out of memory).
            currentChunkCapacity = Math.max(rows,
                    Math.min(Math.min(CHUNK_ROWS, 8 * rows), Math.max(rowCount, MIN_CHUNK_ROWS)));
            chunks.add(newVectors(currentChunkCapacity));
            currentChunkRows = 0;
        }
        FieldVector[] chunk = chunks.getLast();
        for (int c = 0; c < chunk.length; c++) {
            batch.column(c).accept(new VectorAppender(chunk[c]), null);
        }
        currentChunkRows += rows;
        rowCount += rows;
    }

    /** The selected rows of a selective batch, gathered into new vectors that become a chunk. */
    private void appendSelected(Batch batch) {
        int rows = batch.rowCount();
        Batch gathered = VectorGather.gatherCopy(batch, batch.selection(), rows, allocator);
        FieldVector[] chunk = gathered.columns().toArray(new FieldVector[0]);
        if (columns != null || types.isEmpty()) {
            try {
                append(new Batch(Arrays.asList(chunk), rows));
            } finally {
                closeAll(chunk);
            }
            return;
        }
        if (!chunks.isEmpty()) {
            filledChunkBytes += bytesOf(chunks.getLast());
        }
        chunks.add(chunk);
        // the gathered chunk is exactly sized: the next dense batch starts a chunk of its own
        currentChunkRows = rows;
        currentChunkCapacity = rows;
        rowCount += rows;
    }

    /**
     * Moves the rows of {@code other} (of the same types, not yet consolidated) to the end of these, without
     * copying them; {@code other} is left empty and still has to be closed.
     */
    void take(BuildRows other) {
        if (other.rowCount == 0) {
            return;
        }
        if ((long) rowCount + other.rowCount > Integer.MAX_VALUE - 8) {
            throw BasaltException.internal("join build side exceeds " + (Integer.MAX_VALUE - 8) + " rows");
        }
        if (columns != null || other.columns != null) {
            append(other.asBatch());
            return;
        }
        if (!chunks.isEmpty()) {
            filledChunkBytes += bytesOf(chunks.getLast());
        }
        chunks.addAll(other.chunks);
        filledChunkBytes += other.filledChunkBytes;
        currentChunkRows = other.currentChunkRows;
        currentChunkCapacity = other.currentChunkCapacity;
        rowCount += other.rowCount;
        other.chunks.clear();
        other.filledChunkBytes = 0;
        other.currentChunkRows = 0;
        other.currentChunkCapacity = 0;
        other.rowCount = 0;
    }

    private FieldVector[] newVectors(int capacity) {
        FieldVector[] vectors = new FieldVector[types.size()];
        try {
            for (int c = 0; c < vectors.length; c++) {
                vectors[c] = ValueAccess.allocate(types.get(c), "", allocator, capacity);
                vectors[c].setValueCount(0);
            }
        } catch (RuntimeException failure) {
            closeAll(vectors);
            throw failure;
        }
        return vectors;
    }

    /**
     * Copies the chunks into one vector per column, allocated at its final size where the vector kind allows
     * (fixed width; variable width with its data bytes summed first), and frees the chunks. A single chunk
     * becomes the columns as it is. With {@code workers}, every other column is copied by a task offered to them
     * (see {@link OfferedTask}) while the calling thread copies the rest.
     */
    private void consolidate(java.util.concurrent.ExecutorService workers) {
        if (columns != null) {
            return;
        }
        if (chunks.size() == 1) {
            columns = chunks.getFirst();
            chunks.clear();
            return;
        }
        FieldVector[] merged = new FieldVector[types.size()];
        try {
            if (workers != null && merged.length > 1) {
                OfferedTask odd = OfferedTask.offer(() -> consolidateColumns(merged, 1), workers);
                RuntimeException failure = null;
                try {
                    consolidateColumns(merged, 0);
                } catch (RuntimeException e) {
                    failure = e;
                }
                odd.complete();
                if (failure != null) {
                    throw failure;
                }
            } else {
                for (int c = 0; c < merged.length; c++) {
                    consolidateColumn(merged, c);
                }
            }
        } catch (RuntimeException failure) {
            closeAll(merged);
            throw failure;
        }
        chunks.clear();
        columns = merged;
    }

    private void consolidate() {
        consolidate(null);
    }

    /** Consolidates columns {@code first}, {@code first + 2}, ... into {@code merged}. */
    private void consolidateColumns(FieldVector[] merged, int first) {
        for (int c = first; c < merged.length; c += 2) {
            consolidateColumn(merged, c);
        }
    }

    /** Copies column {@code c} of every chunk into a new exactly sized {@code merged[c]}, freeing the chunks' copies. */
    private void consolidateColumn(FieldVector[] merged, int c) {
        merged[c] = exactlySized(c);
        for (FieldVector[] chunk : chunks) {
            if (chunk[c].getValueCount() > 0) {
                chunk[c].accept(new VectorAppender(merged[c]), null);
            }
            chunk[c].close();
        }
    }

    /** An empty vector for column {@code c} with room for all rows (and, for strings, all their bytes). */
    private FieldVector exactlySized(int c) {
        FieldVector vector = ValueAccess.allocate(types.get(c), "", allocator, 0);
        try {
            int rows = Math.max(rowCount, 1);
            switch (vector) {
                case BaseFixedWidthVector fixed -> {
                    fixed.clear();
                    fixed.setInitialCapacity(rows);
                    fixed.allocateNew();
                }
                case BaseVariableWidthVector variable -> {
                    long bytes = 0;
                    for (FieldVector[] chunk : chunks) {
                        BaseVariableWidthVector part = (BaseVariableWidthVector) chunk[c];
                        int count = part.getValueCount();
                        bytes += count == 0 ? 0 : part.getOffsetBuffer().getInt((long) count * 4);
                    }
                    variable.clear();
                    variable.allocateNew(Math.max(bytes, 1), rows);
                }
                default -> {
                }
            }
            vector.setValueCount(0);
        } catch (RuntimeException failure) {
            vector.close();
            throw failure;
        }
        return vector;
    }

    private static long bytesOf(FieldVector[] vectors) {
        long total = 0;
        for (FieldVector vector : vectors) {
            total += vector.getBufferSize();
        }
        return total;
    }

    private static void closeAll(FieldVector[] vectors) {
        for (FieldVector vector : vectors) {
            if (vector != null) {
                vector.close();
            }
        }
    }

    /** Bytes the kept rows' vectors hold (their buffers as filled so far). */
    long bytes() {
        if (columns != null) {
            return bytesOf(columns);
        }
        return chunks.isEmpty() ? 0 : filledChunkBytes + bytesOf(chunks.getLast());
    }

    /** Called once after the last append: consolidates the chunks and notes which columns hold NULLs. */
    void finish() {
        finish(null);
    }

    /** {@link #finish()}, consolidating columns on {@code workers} too (null: on the calling thread only). */
    void finish(java.util.concurrent.ExecutorService workers) {
        consolidate(workers);
        hasNulls = new boolean[columns.length];
        for (int c = 0; c < columns.length; c++) {
            hasNulls[c] = columns[c].getNullCount() > 0;
        }
    }

    /**
     * Copies build rows {@code selection[0..count)} of column {@code column} into rows 0.. of {@code target}
     * (a vector of the column's type with room for {@code count} values).
     */
    void gather(int column, int[] selection, int count, FieldVector target) {
        gatherInto(column, selection, count, target, 0);
    }

    /**
     * Copies build rows {@code selection[0..count)} of column {@code column} into rows {@code at..at + count} of
     * {@code target}, which holds {@code at} rows already and has room for {@code at + count} (see
     * {@link VectorGather#gatherInto}). The NULL count of a build column is known from {@link #finish()}, so that a
     * small gather never rescans a large column's validity bitmap; fixed-width columns copy in typed loops over the
     * buffers, and a NULL-free column's validity bits are set a byte at a time (Arrow's {@code set} per row read and
     * wrote the bitmap byte of every row).
     */
    void gatherInto(int column, int[] selection, int count, FieldVector target, int at) {
        assert hasNulls != null : "gather before finish";
        VectorGather.gatherInto(columns[column], selection, count, target, at, !hasNulls[column]);
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
        return types.size();
    }

    FieldVector column(int index) {
        consolidate();
        return columns[index];
    }

    /** All kept rows as one batch; valid until close. */
    Batch asBatch() {
        consolidate();
        return new Batch(Arrays.asList(columns), rowCount);
    }

    @Override
    public void close() {
        if (columns != null) {
            closeAll(columns);
        }
        for (FieldVector[] chunk : chunks) {
            closeAll(chunk);
        }
        chunks.clear();
    }
}
