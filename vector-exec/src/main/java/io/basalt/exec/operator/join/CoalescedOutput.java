package io.basalt.exec.operator.join;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * A selective join's small output pieces collected into batches of up to the vector size. A join that keeps a few
 * rows of each probe batch (TPC-H Q2's 800,000 partsupp rows against 747 parts: about 8 pairs per batch) would
 * otherwise hand on a batch per probe batch, each a fresh set of vectors that the next operators handle at the same
 * fixed cost as a full one; allocating and freeing those vectors was a fifth of Q2's time.
 *
 * <p>The pieces are gathered straight into the pending vectors, after the rows already there, which are handed on
 * whole by {@link #take}. The order of the rows is kept: pieces are appended in the order they come. (Gathering each
 * piece into reused scratch vectors and appending those was a second copy of every row, a tenth of TPC-H Q7.)
 */
final class CoalescedOutput implements AutoCloseable {
    private final List<LogicalType> types;
    /** The context that lends the pending vectors and owns them once taken. */
    private final EvaluationContext output;
    private final int capacity;
    /** The rows collected so far, or null when there are none. */
    private List<FieldVector> pending;
    private int rows;

    /**
     * @param types    the output's column types
     * @param output   the join's output context, which lends the pending vectors and owns the batches taken
     * @param capacity the vector size: the most rows one output batch holds
     */
    CoalescedOutput(List<LogicalType> types, EvaluationContext output, int capacity) {
        this.types = types;
        this.output = output;
        this.capacity = capacity;
    }

    int rows() {
        return rows;
    }

    /** Whether {@code count} more rows fit in the pending batch. */
    boolean fits(int count) {
        return rows + count <= capacity;
    }

    /**
     * The vectors of the pending batch, holding {@link #rows()} rows, with room for up to the vector size: a piece
     * is gathered straight into them at row {@link #rows()} (see {@code VectorGather.gatherInto}), then
     * {@link #appended} counts it. The piece must {@link #fits fit}.
     */
    List<FieldVector> pending() {
        if (pending == null) {
            pending = allocate();
        }
        return pending;
    }

    /** Counts the {@code count} rows just gathered into the {@link #pending()} vectors. */
    void appended(int count) {
        rows += count;
    }

    /**
     * The pending rows as a batch whose vectors the output context now holds (given up at its next release), or null
     * when there are none; the collection starts again empty.
     */
    Batch take() {
        if (pending == null || rows == 0) {
            return null;
        }
        for (int c = 0; c < pending.size(); c++) {
            output.adopt(pending.get(c), types.get(c));
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
                vectors.add(output.lend(type, capacity));
            }
        } catch (RuntimeException | Error failure) {
            vectors.forEach(FieldVector::close);
            throw failure;
        }
        return vectors;
    }

    @Override
    public void close() {
        if (pending != null) {
            pending.forEach(FieldVector::close);
            pending = null;
        }
        rows = 0;
    }
}
