package io.basalt.exec.expression;

import static java.util.Objects.requireNonNull;

import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * Scratch space for evaluating expressions over one batch: every vector an expression allocates is
 * registered here and freed together by {@link #releaseBatch()}, which the owning operator calls before
 * it processes its next batch (by then everything downstream is done with the previous one).
 *
 * <p>One context belongs to one operator state on one thread.
 */
public final class EvaluationContext implements AutoCloseable {
    private final BufferAllocator allocator;
    private final List<FieldVector> batchVectors = new ArrayList<>();

    public EvaluationContext(BufferAllocator allocator) {
        this.allocator = requireNonNull(allocator, "allocator is null");
    }

    public BufferAllocator allocator() {
        return allocator;
    }

    /** A new vector of {@code type} with room for {@code rows} values, owned by this context until released. */
    public FieldVector newVector(LogicalType type, int rows) {
        FieldVector vector = ValueAccess.allocate(type, "", allocator, rows);
        batchVectors.add(vector);
        return vector;
    }

    /** Hands ownership of a vector allocated elsewhere to this context. */
    public void adopt(FieldVector vector) {
        batchVectors.add(vector);
    }

    /** Frees every vector allocated since the last release. */
    public void releaseBatch() {
        for (FieldVector vector : batchVectors) {
            vector.close();
        }
        batchVectors.clear();
    }

    @Override
    public void close() {
        releaseBatch();
    }
}
