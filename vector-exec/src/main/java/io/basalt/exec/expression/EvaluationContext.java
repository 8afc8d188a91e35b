package io.basalt.exec.expression;

import static java.util.Objects.requireNonNull;

import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.ReferenceManager;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;

/**
 * Scratch space for evaluating expressions over one batch: every vector an expression allocates is
 * registered here and given up together by {@link #releaseBatch()}, which the owning operator calls before
 * it processes its next batch (by then everything downstream is done with the previous one).
 *
 * <p>Released vectors of flat types (fixed-width and string/binary vectors) are kept and handed out again,
 * emptied, by the next batch's {@link #newVector} calls of the same type: an operator's vectors are allocated once
 * and reused for every batch, so Arrow's allocation and free paths run only while the batches grow, not per batch.
 * (Allocating and clearing vectors per batch kept those paths hot; C2 compiled them, 55-72 KB of code each, into
 * every per-batch method of the engine, and recompiled them with it: see STATUS.md, vector-exec.) A released vector
 * is reused only when this context alone holds its memory: one whose buffers a consumer kept a zero-copy slice of
 * ({@code VectorSlices}, a sort's or window's input) or took over by a transfer is closed or re-allocated instead.
 * Kept vectors hold their memory until {@link #close()}.
 *
 * <p>One context belongs to one operator state on one thread.
 */
public final class EvaluationContext implements AutoCloseable {
    /** A released vector whose buffers are larger than this is closed rather than kept (a batch of long strings). */
    private static final long MAX_KEPT_BYTES = 4L << 20;
    /** {@code -Dbasalt.reuse_vectors=off}: every batch allocates fresh vectors and frees them (as before). */
    private static final boolean REUSE = !"off".equals(System.getProperty("basalt.reuse_vectors"));

    private final BufferAllocator allocator;
    /** The vectors handed out since the last release, and each one's type (null: not reusable, closed). */
    private final List<FieldVector> batchVectors = new ArrayList<>();
    private final List<LogicalType> batchTypes = new ArrayList<>();
    /** Released vectors kept for reuse, and their types. */
    private final List<FieldVector> freeVectors = new ArrayList<>();
    private final List<LogicalType> freeTypes = new ArrayList<>();

    public EvaluationContext(BufferAllocator allocator) {
        this.allocator = requireNonNull(allocator, "allocator is null");
    }

    public BufferAllocator allocator() {
        return allocator;
    }

    /**
     * An empty vector of {@code type} with room for {@code rows} values (its value count 0, its validity and
     * offsets zeroed, as a new one), owned by this context until released.
     */
    public FieldVector newVector(LogicalType type, int rows) {
        FieldVector vector = take(type, rows);
        batchVectors.add(vector);
        batchTypes.add(type);
        return vector;
    }

    /**
     * An empty vector of {@code type} with room for {@code rows} values, as {@link #newVector}, that the caller owns
     * from now on: it closes it, or hands it back with {@link #adopt(FieldVector, LogicalType)} (a join collecting
     * output rows over several batches).
     */
    public FieldVector lend(LogicalType type, int rows) {
        return take(type, rows);
    }

    /** Hands ownership of a vector allocated elsewhere to this context (closed at the next release). */
    public void adopt(FieldVector vector) {
        batchVectors.add(vector);
        batchTypes.add(null);
    }

    /** Hands ownership of a vector of {@code type} to this context (reused after the next release when it can be). */
    public void adopt(FieldVector vector, LogicalType type) {
        batchVectors.add(vector);
        batchTypes.add(type);
    }

    /** Gives up every vector handed out since the last release: kept for reuse when it can be, else freed. */
    public void releaseBatch() {
        int count = batchVectors.size();
        for (int i = 0; i < count; i++) {
            FieldVector vector = batchVectors.get(i);
            LogicalType type = batchTypes.get(i);
            if (REUSE && type != null && isKeepable(vector)) {
                freeVectors.add(vector);
                freeTypes.add(type);
            } else {
                vector.close();
            }
        }
        batchVectors.clear();
        batchTypes.clear();
    }

    @Override
    public void close() {
        releaseBatch();
        for (FieldVector vector : freeVectors) {
            vector.close();
        }
        freeVectors.clear();
        freeTypes.clear();
    }

    /**
     * A kept vector of {@code type} emptied for reuse (one with room for {@code rows} values when there is one), else
     * a new one.
     */
    private FieldVector take(LogicalType type, int rows) {
        int match = -1;
        for (int i = freeVectors.size() - 1; i >= 0; i--) {
            LogicalType kept = freeTypes.get(i);
            if (kept == type || kept.equals(type) && Objects.equals(kept.domain(), type.domain())) {
                match = i;
                if (freeVectors.get(i).getValueCapacity() >= rows) {
                    break;
                }
            }
        }
        if (match < 0) {
            return ValueAccess.allocate(type, "", allocator, rows);
        }
        FieldVector vector = freeVectors.get(match);
        // swap-remove: the order of kept vectors does not matter
        int last = freeVectors.size() - 1;
        freeVectors.set(match, freeVectors.get(last));
        freeTypes.set(match, freeTypes.get(last));
        freeVectors.remove(last);
        freeTypes.remove(last);
        return reuse(vector, type, rows);
    }

    /** {@code vector} emptied with room for {@code rows} values, or (when it is too small or shared) a new one. */
    private FieldVector reuse(FieldVector vector, LogicalType type, int rows) {
        if (vector.getValueCapacity() >= rows && ownsMemory(vector)) {
            vector.reset();
            return vector;
        }
        vector.close();
        return ValueAccess.allocate(type, "", allocator, rows);
    }

    /** Whether a released vector may be kept: a flat vector of modest size. */
    private static boolean isKeepable(FieldVector vector) {
        if (vector instanceof BaseFixedWidthVector fixed) {
            return fixed.getDataBuffer().capacity() <= MAX_KEPT_BYTES;
        }
        if (vector instanceof BaseVariableWidthVector variable) {
            return variable.getDataBuffer().capacity() <= MAX_KEPT_BYTES;
        }
        return false;
    }

    /**
     * Whether this context is the only holder of {@code vector}'s memory: each buffer's ledger is referenced by this
     * vector's own buffers alone (Arrow cuts a fixed-width vector's validity and values out of one allocation, which
     * then counts two references) and accounted here. A zero-copy slice into the same allocator adds a reference; one
     * into another allocator moves the accounting to that allocator's ledger until the slice is closed.
     */
    private static boolean ownsMemory(FieldVector vector) {
        ArrowBuf validity = vector.getValidityBuffer();
        ArrowBuf data = vector.getDataBuffer();
        ArrowBuf offsets = vector instanceof BaseVariableWidthVector ? vector.getOffsetBuffer() : null;
        return ownsBuffer(validity, data, offsets) && ownsBuffer(data, validity, offsets)
                && (offsets == null || ownsBuffer(offsets, validity, data));
    }

    /** Whether {@code buffer}'s ledger is accounted here and referenced only by it and those of the others sharing it. */
    private static boolean ownsBuffer(ArrowBuf buffer, ArrowBuf other, ArrowBuf another) {
        ReferenceManager reference = buffer.getReferenceManager();
        int references = 1 + sameLedger(reference, other) + sameLedger(reference, another);
        return reference.getRefCount() == references && reference.getAccountedSize() == reference.getSize();
    }

    private static int sameLedger(ReferenceManager reference, ArrowBuf buffer) {
        return buffer != null && buffer.getReferenceManager() == reference ? 1 : 0;
    }
}
