package io.basalt.exec.operator.join;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.util.VectorAppender;

/**
 * A selective join's small output pieces collected into batches of up to the vector size. A join that keeps a few
 * rows of each probe batch (TPC-H Q2's 800,000 partsupp rows against 747 parts: about 8 pairs per batch) would
 * otherwise hand on a batch per probe batch, each a fresh set of vectors that the next operators handle at the same
 * fixed cost as a full one; allocating and freeing those vectors was a fifth of Q2's time.
 *
 * <p>The pieces are gathered into {@link #scratch} vectors that never leave the join (so they are reused, unlike
 * output vectors, which consumers may keep) and appended to the pending vectors, which are handed on whole by
 * {@link #take}. The order of the rows is kept: pieces are appended in the order they come.
 */
final class CoalescedOutput implements AutoCloseable {
    private final List<LogicalType> types;
    private final BufferAllocator allocator;
    private final int capacity;
    /** Reused targets of the pieces' gathers; allocated at first use. */
    private List<FieldVector> scratch;
    /** The rows collected so far, or null when there are none. */
    private List<FieldVector> pending;
    private int rows;

    /**
     * @param types    the output's column types
     * @param capacity the vector size: the most rows one output batch holds
     */
    CoalescedOutput(List<LogicalType> types, BufferAllocator allocator, int capacity) {
        this.types = types;
        this.allocator = allocator;
        this.capacity = capacity;
    }

    /** The reused vectors a piece of up to the vector size is gathered into before {@link #append}. */
    List<FieldVector> scratch() {
        if (scratch == null) {
            scratch = allocate();
        }
        return scratch;
    }

    int rows() {
        return rows;
    }

    /** Whether {@code count} more rows fit in the pending batch. */
    boolean fits(int count) {
        return rows + count <= capacity;
    }

    /** Appends rows {@code [0, count)} of the {@link #scratch} vectors; they must {@link #fits fit}. */
    void append(int count) {
        if (pending == null) {
            pending = allocate();
        }
        for (int c = 0; c < types.size(); c++) {
            FieldVector from = scratch.get(c);
            from.setValueCount(count);
            from.accept(new VectorAppender(pending.get(c)), null);
        }
        rows += count;
    }

    /**
     * The pending rows as a batch whose vectors {@code owner} now holds (freed at its next release), or null when
     * there are none; the collection starts again empty.
     */
    Batch take(EvaluationContext owner) {
        if (pending == null || rows == 0) {
            return null;
        }
        for (FieldVector column : pending) {
            owner.adopt(column);
        }
        Batch batch = new Batch(pending, rows);
        pending = null;
        rows = 0;
        return batch;
    }

    private List<FieldVector> allocate() {
        List<FieldVector> vectors = new ArrayList<>(types.size());
        try {
            for (LogicalType type : types) {
                FieldVector vector = ValueAccess.allocate(type, "", allocator, capacity);
                vector.setValueCount(0);
                vectors.add(vector);
            }
        } catch (RuntimeException | Error failure) {
            vectors.forEach(FieldVector::close);
            throw failure;
        }
        return vectors;
    }

    @Override
    public void close() {
        if (scratch != null) {
            scratch.forEach(FieldVector::close);
            scratch = null;
        }
        if (pending != null) {
            pending.forEach(FieldVector::close);
            pending = null;
        }
        rows = 0;
    }
}
