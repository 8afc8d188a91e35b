package io.basalt.exec.pipeline;

import static java.util.Objects.requireNonNull;

import io.basalt.error.BasaltException;
import io.basalt.exec.batch.Batch;
import io.basalt.exec.operator.SinkState;
import io.basalt.exec.operator.SourceState;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.util.AutoCloseables;
import io.basalt.exec.vector.VectorSlices;

/**
 * The sink at the top of a query: keeps every batch as an Arrow {@link VectorSchemaRoot} named for the
 * result columns. Batches are kept without copying values: each vector is a slice that shares (and
 * reference-counts) the producer's buffers, accounted to the result's allocator.
 */
public final class ResultCollector implements SinkState {
    private final List<Field> fields;
    private final BufferAllocator allocator;
    private final List<VectorSchemaRoot> roots = new ArrayList<>();
    private long rowCount;

    public ResultCollector(List<String> names, List<LogicalType> types, BufferAllocator allocator) {
        requireNonNull(names, "names is null");
        requireNonNull(types, "types is null");
        this.allocator = requireNonNull(allocator, "allocator is null");
        List<Field> built = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            built.add(types.get(i).arrowField(names.get(i)));
        }
        this.fields = List.copyOf(built);
    }

    @Override
    public void sink(Batch batch) {
        List<FieldVector> vectors = new ArrayList<>(fields.size());
        try {
            for (int i = 0; i < fields.size(); i++) {
                vectors.add(VectorSlices.slice(batch.column(i), 0, batch.rowCount(), allocator, fields.get(i)));
            }
        } catch (RuntimeException failure) {
            AutoCloseables.closeNoChecked(vectors::iterator);
            throw failure;
        }
        VectorSchemaRoot root = new VectorSchemaRoot(fields, vectors, batch.rowCount());
        roots.add(root);
        rowCount += batch.rowCount();
    }

    @Override
    public void finish() {
    }

    @Override
    public SourceState openResult() {
        throw BasaltException.internal("the result collector is the last sink of a plan");
    }

    public List<Field> fields() {
        return fields;
    }

    /** The collected batches; ownership passes to the caller, who closes them. */
    public List<VectorSchemaRoot> takeBatches() {
        List<VectorSchemaRoot> out = List.copyOf(roots);
        roots.clear();
        return out;
    }

    public long rowCount() {
        return rowCount;
    }

    @Override
    public void close() {
        for (VectorSchemaRoot root : roots) {
            root.close();
        }
        roots.clear();
    }
}
