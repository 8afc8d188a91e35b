package io.basalt.datasets;

import static java.util.Objects.requireNonNull;

import io.basalt.api.ResultColumn;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Streams a {@link GeneratedTable} as Arrow batches of at most {@code vectorSize} rows, refilling one
 * root: memory stays at one batch whatever the table's size. Used by the table-function cursor, the
 * loaders and the benchmark harness.
 *
 * <p>Ownership: this object owns the root and closes it in {@link #close()}. A batch returned by
 * {@link #next()} is valid until the next call.
 */
public final class GeneratedBatches implements AutoCloseable {
    private final RowProducer producer;
    private final BatchWriter writer;
    private final int vectorSize;
    private boolean exhausted;

    public GeneratedBatches(GeneratedTable table, BufferAllocator allocator, int vectorSize) {
        requireNonNull(table, "table is null");
        requireNonNull(allocator, "allocator is null");
        if (vectorSize < 1) {
            throw new IllegalArgumentException("vectorSize must be positive: " + vectorSize);
        }
        this.vectorSize = vectorSize;
        VectorSchemaRoot root = VectorSchemaRoot.create(schemaOf(table.columns()), allocator);
        try {
            for (FieldVector vector : root.getFieldVectors()) {
                vector.setInitialCapacity(vectorSize);
            }
            root.allocateNew();
            this.producer = table.newRowProducer();
        } catch (RuntimeException e) {
            root.close();
            throw e;
        }
        this.writer = new BatchWriter(root);
    }

    /** The Arrow schema of a table's columns, each field tagged with its logical type. */
    public static Schema schemaOf(List<ResultColumn> columns) {
        List<Field> fields = new ArrayList<>(columns.size());
        for (ResultColumn column : columns) {
            fields.add(column.type().arrowField(column.name()));
        }
        return new Schema(fields);
    }

    /** The next batch (at least one row), or null when the table is exhausted. */
    public VectorSchemaRoot next() {
        if (exhausted) {
            return null;
        }
        writer.reset();
        int rows = producer.fill(writer, vectorSize);
        if (rows == 0) {
            exhausted = true;
            return null;
        }
        writer.finish(rows);
        return writer.root();
    }

    @Override
    public void close() {
        writer.root().close();
    }
}
